package io.piobuildpack.buildpack.install;

import java.nio.file.Path;

/**
 * Where each artifact goes in the app, as in the original buildpack's {@code bin/common/setup-runtime}
 * (https://github.com/heroku/predictionio-buildpack/blob/master/bin/common/setup-runtime): PredictionIO in
 * {@code PredictionIO-dist/}, Spark in {@code PredictionIO-dist/vendors/spark-hadoop/}, Elasticsearch in
 * {@code PredictionIO-dist/vendors/elasticsearch/}, the JDBC driver as
 * {@code PredictionIO-dist/lib/postgresql_jdbc.jar}, the S3 jars in {@code PredictionIO-dist/lib/spark/}, and the
 * JDK in {@code .jdk/} (where Heroku's JVM buildpack puts it); the toolkit's Java 17 runtime (for {@code pio-data})
 * in {@code .pio-buildpack/jre/}.
 *
 * <p>Spark, Elasticsearch and the jars live inside the PredictionIO directory, so they are installed after it, and
 * installed again when PredictionIO is replaced.
 */
public record InstallLayout(
    Path predictionIo, Path spark, Path elasticsearch, Path postgresqlJdbc, Path s3Jars, Path jdk, Path jre) {

  /** The layout under an app directory. */
  public static InstallLayout under(Path appDir) {
    Path dist = appDir.resolve("PredictionIO-dist");
    return new InstallLayout(dist, dist.resolve("vendors/spark-hadoop"), dist.resolve("vendors/elasticsearch"),
        dist.resolve("lib/postgresql_jdbc.jar"), dist.resolve("lib/spark"), appDir.resolve(".jdk"),
        appDir.resolve(".pio-buildpack/jre"));
  }
}
