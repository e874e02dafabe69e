package io.piobuildpack.buildpack.install.inventory;

import java.util.List;

/**
 * A PredictionIO release the buildpack installs, with the Spark builds it runs on.
 *
 * @param version the PredictionIO version ({@code 0.14.0})
 * @param sparkDefault the Spark version installed when {@code PIO_BUILD_SPARK_VERSION} is not set
 * @param sparkVersions every Spark version of the inventory this release supports
 * @param elasticsearch the Elasticsearch version its binary was built against
 * @param source where these facts come from
 */
public record Release(
    String version, String sparkDefault, List<String> sparkVersions, String elasticsearch, String source) {

  /** Copies the list. */
  public Release {
    sparkVersions = List.copyOf(sparkVersions);
  }
}
