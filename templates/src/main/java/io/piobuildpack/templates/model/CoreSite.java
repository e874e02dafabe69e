package io.piobuildpack.templates.model;

import java.util.Objects;
import java.util.Optional;

/** Model of Hadoop's {@code core-site.xml} (rendered at run time): the S3A settings when a bucket is set. */
public record CoreSite(Optional<S3Storage> s3) {

  public CoreSite {
    Objects.requireNonNull(s3, "s3");
  }
}
