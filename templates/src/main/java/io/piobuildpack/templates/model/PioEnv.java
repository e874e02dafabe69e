package io.piobuildpack.templates.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Model of {@code PredictionIO-dist/conf/pio-env.sh} (rendered at build). Paths are relative to {@code PIO_HOME},
 * which PredictionIO's {@code bin/pio} sets before it sources the file. The storage connection itself (URL, user,
 * password, Elasticsearch hosts) is not here: it is exported at run time ({@link RuntimeEnv}).
 *
 * @param sparkHome Spark's directory relative to {@code PIO_HOME}, e.g. {@code vendors/spark-hadoop}
 * @param postgresJdbcDriver the PostgreSQL JDBC jar relative to {@code PIO_HOME}, e.g. {@code lib/postgresql_jdbc.jar}
 * @param pgsqlIndexEnabled {@code PIO_STORAGE_SOURCES_PGSQL_INDEX=enabled} (indexed event tables)
 * @param pgsqlPartitions {@code PIO_STORAGE_SOURCES_PGSQL_PARTITIONS}, Spark read partitions (PredictionIO: 4)
 * @param pgsqlConnections {@code PIO_STORAGE_SOURCES_PGSQL_CONNECTIONS}, pool size (PredictionIO: 8)
 * @param elasticsearchHome when Elasticsearch was installed at build, its directory relative to {@code PIO_HOME}
 *     (e.g. {@code vendors/elasticsearch}); the metadata repository then uses it
 */
public record PioEnv(String sparkHome, String postgresJdbcDriver, boolean pgsqlIndexEnabled, int pgsqlPartitions,
    int pgsqlConnections, Optional<String> elasticsearchHome) {

  public PioEnv {
    Objects.requireNonNull(sparkHome, "sparkHome");
    Objects.requireNonNull(postgresJdbcDriver, "postgresJdbcDriver");
    Objects.requireNonNull(elasticsearchHome, "elasticsearchHome");
  }
}
