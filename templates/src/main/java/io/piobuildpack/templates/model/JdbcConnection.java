package io.piobuildpack.templates.model;

import java.util.Objects;

/**
 * PredictionIO's JDBC source {@code PGSQL}: {@code PIO_STORAGE_SOURCES_PGSQL_URL}, {@code _USERNAME},
 * {@code _PASSWORD}. PredictionIO requires all three to be set, so a missing user or password is an empty string.
 */
public record JdbcConnection(String url, String username, String password) {

  public JdbcConnection {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "JdbcConnection[url=" + url + ", username=" + username + ", password=****]";
  }
}
