package io.piobuildpack.buildpack.install.resolve;

import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.core.config.Environment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The install variables, read from an {@link Environment} (the build's config vars on Heroku, the platform
 * environment on CNB). Every name is documented in {@code docs/install.md}.
 *
 * @param predictionIoUrl {@code PREDICTIONIO_DIST_URL}: a PredictionIO binary tarball replacing the inventory's
 * @param predictionIoChecksum {@code PREDICTIONIO_DIST_CHECKSUM}: its checksum, {@code sha256:<hex>} or
 *     {@code sha512:<hex>}
 * @param sparkVersion {@code PIO_BUILD_SPARK_VERSION}: the Spark version (default: the release's)
 * @param hadoopVersion {@code PIO_BUILD_HADOOP_VERSION}: the Hadoop flavour of the Spark build (default 2.7)
 * @param sparkUrl {@code PIO_SPARK_DIST_URL}: a Spark tarball replacing the inventory's
 * @param sparkChecksum {@code PIO_SPARK_DIST_CHECKSUM}: its checksum
 * @param allowUnverified {@code PIO_ALLOW_UNVERIFIED_DOWNLOADS=true}: an override URL may come without a checksum
 * @param s3 {@code PIO_S3_BUCKET_NAME} is set: install {@code hadoop-aws} and {@code aws-java-sdk}
 * @param elasticsearch {@code PIO_ELASTICSEARCH_URL} is set: install Elasticsearch
 */
public record InstallSettings(
    Optional<URI> predictionIoUrl,
    Optional<Checksum> predictionIoChecksum,
    Optional<String> sparkVersion,
    Optional<String> hadoopVersion,
    Optional<URI> sparkUrl,
    Optional<Checksum> sparkChecksum,
    boolean allowUnverified,
    boolean s3,
    boolean elasticsearch) {

  public static final String PREDICTIONIO_DIST_URL = "PREDICTIONIO_DIST_URL";
  public static final String PREDICTIONIO_DIST_CHECKSUM = "PREDICTIONIO_DIST_CHECKSUM";
  public static final String PIO_BUILD_SPARK_VERSION = "PIO_BUILD_SPARK_VERSION";
  public static final String PIO_BUILD_HADOOP_VERSION = "PIO_BUILD_HADOOP_VERSION";
  public static final String PIO_SPARK_DIST_URL = "PIO_SPARK_DIST_URL";
  public static final String PIO_SPARK_DIST_CHECKSUM = "PIO_SPARK_DIST_CHECKSUM";
  public static final String PIO_ALLOW_UNVERIFIED_DOWNLOADS = "PIO_ALLOW_UNVERIFIED_DOWNLOADS";
  public static final String PIO_S3_BUCKET_NAME = "PIO_S3_BUCKET_NAME";
  public static final String PIO_ELASTICSEARCH_URL = "PIO_ELASTICSEARCH_URL";

  /**
   * Reads the variables.
   *
   * @throws InvalidInstallSettingException naming the variable when a URL or checksum is malformed
   */
  public static InstallSettings from(Environment env) throws InvalidInstallSettingException {
    return new InstallSettings(
        url(env, PREDICTIONIO_DIST_URL),
        checksum(env, PREDICTIONIO_DIST_CHECKSUM),
        env.find(PIO_BUILD_SPARK_VERSION),
        env.find(PIO_BUILD_HADOOP_VERSION),
        url(env, PIO_SPARK_DIST_URL),
        checksum(env, PIO_SPARK_DIST_CHECKSUM),
        env.find(PIO_ALLOW_UNVERIFIED_DOWNLOADS).map(v -> v.toLowerCase(Locale.ROOT).equals("true")).orElse(false),
        env.find(PIO_S3_BUCKET_NAME).isPresent(),
        env.find(PIO_ELASTICSEARCH_URL).isPresent());
  }

  private static Optional<URI> url(Environment env, String name) throws InvalidInstallSettingException {
    Optional<String> value = env.find(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(value.get());
    } catch (URISyntaxException e) {
      // The value is not echoed: it may hold a token.
      throw new InvalidInstallSettingException(name + " is not a valid URL (" + e.getReason() + " at index "
          + e.getIndex() + "): give the https:// URL of a tarball", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("file") || uri.getPath() == null) {
      throw new InvalidInstallSettingException(
          name + " must be an https://, http:// or file: URL of a tarball (its scheme is \"" + scheme + "\")");
    }
    return Optional.of(uri);
  }

  private static Optional<Checksum> checksum(Environment env, String name) throws InvalidInstallSettingException {
    Optional<String> value = env.find(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Checksum.parse(value.get()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInstallSettingException(name + " is not a checksum: " + e.getMessage(), e);
    }
  }
}
