package io.piobuildpack.templates.model;

import java.util.Objects;
import java.util.Optional;

/**
 * PredictionIO model storage on S3 through Hadoop's S3A file system.
 *
 * @param bucket {@code PIO_S3_BUCKET_NAME}
 * @param credentials {@code PIO_S3_AWS_ACCESS_KEY_ID} and {@code PIO_S3_AWS_SECRET_ACCESS_KEY} as user and
 *     password; absent to use the default AWS credential chain
 * @param endpoint the regional endpoint host from {@code AWS_REGION}, e.g. {@code s3.eu-west-1.amazonaws.com}
 */
public record S3Storage(String bucket, Optional<Credentials> credentials, Optional<String> endpoint) {

  public S3Storage {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
