package io.piobuildpack.buildpack.render;

import java.nio.file.Path;

/**
 * Where generated files go in a built app, relative to the app directory (the slug root on Heroku, the app
 * directory of a CNB image). Names are the original buildpack's where it had them.
 */
public final class AppLayout {

  /** PredictionIO's distribution ({@code PIO_HOME}). */
  public static final String PIO_HOME = "PredictionIO-dist";
  /** Spark, relative to {@link #PIO_HOME}. */
  public static final String SPARK_HOME = "vendors/spark-hadoop";
  /** Elasticsearch, relative to {@link #PIO_HOME}, when installed. */
  public static final String ELASTICSEARCH_HOME = "vendors/elasticsearch";
  /** The PostgreSQL JDBC driver, relative to {@link #PIO_HOME}. */
  public static final String POSTGRES_JDBC_DRIVER = "lib/postgresql_jdbc.jar";
  /** The toolkit's own files. */
  public static final String TOOLKIT_DIR = ".pio-buildpack";
  /** The toolkit jar, installed from {@code buildpack/target/pio-data.jar}. */
  public static final String TOOLKIT_JAR = TOOLKIT_DIR + "/lib/pio-data.jar";
  /** The variables {@code pio-data runtime-config} writes for {@code .profile.d/pio-runtime.sh} to source. */
  public static final String RUNTIME_ENV_FILE = TOOLKIT_DIR + "/run/env.sh";
  /** The app's own configuration files that override bundled templates. */
  public static final String CONFIG_DIR = "config";

  private AppLayout() {}

  /** PredictionIO's {@code conf} directory: {@code pio-env.sh}, {@code core-site.xml}, {@code elasticsearch.yml}. */
  public static Path pioConf(Path appDir) {
    return appDir.resolve(PIO_HOME).resolve("conf");
  }

  /** Spark's {@code conf} directory: {@code spark-defaults.conf}. */
  public static Path sparkConf(Path appDir) {
    return appDir.resolve(PIO_HOME).resolve(SPARK_HOME).resolve("conf");
  }
}
