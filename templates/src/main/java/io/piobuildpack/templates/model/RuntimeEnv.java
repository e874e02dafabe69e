package io.piobuildpack.templates.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Model of the variables exported when a dyno or container starts ({@code runtime-env.sh} sourced by
 * {@code .profile.d}, or {@code runtime-env.toml} written by a CNB {@code exec.d} program).
 *
 * @param pgsql PredictionIO's JDBC source, from {@code DATABASE_URL} (absent when no database is configured)
 * @param elasticsearch {@code PIO_STORAGE_SOURCES_ELASTICSEARCH_*}, from {@code PIO_ELASTICSEARCH_URL}
 * @param sparkLocalIp {@code SPARK_LOCAL_IP}: {@code HEROKU_PRIVATE_IP}, else {@code 127.0.0.1}
 * @param sparkPublicDns {@code SPARK_PUBLIC_DNS}: {@code HEROKU_DNS_DYNO_NAME}, when set
 */
public record RuntimeEnv(Optional<JdbcConnection> pgsql, Optional<ElasticsearchConnection> elasticsearch,
    String sparkLocalIp, Optional<String> sparkPublicDns) {

  public RuntimeEnv {
    Objects.requireNonNull(pgsql, "pgsql");
    Objects.requireNonNull(elasticsearch, "elasticsearch");
    Objects.requireNonNull(sparkLocalIp, "sparkLocalIp");
    Objects.requireNonNull(sparkPublicDns, "sparkPublicDns");
  }
}
