package io.piobuildpack.core.server;

import io.piobuildpack.core.config.Environment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database for one test class on the server named by {@code PIO_TEST_DATABASE_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), dropped on close. Creation fails (the test fails,
 * never skips) when the server cannot be reached. Same contract as the store tests' {@code PostgresTestDatabase},
 * which is package-private to {@code store.jdbc}.
 */
final class PostgresDatabase implements AutoCloseable {

  static final String URL_VARIABLE = "PIO_TEST_DATABASE_URL";
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

  private final String adminUrl;
  private final String name;

  private PostgresDatabase(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
  }

  static PostgresDatabase create() {
    String adminUrl = Environment.SYSTEM.find(URL_VARIABLE).orElse(DEFAULT_URL);
    String name = "pio_server_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for tests is not reachable at " + adminUrl + " (set "
          + URL_VARIABLE + "): " + e.getMessage(), e);
    }
    return new PostgresDatabase(adminUrl, name);
  }

  String jdbcUrl() {
    Matcher matcher = URL.matcher(adminUrl);
    if (!matcher.matches()) {
      throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/db?params");
    }
    return matcher.group(1) + name + (matcher.group(3) == null ? "" : matcher.group(3));
  }

  /** Ends every session on this database except the caller's, as a database restart would. */
  int terminateConnections() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
      try (var killed = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
          + "WHERE datname = '" + name + "' AND pid <> pg_backend_pid()")) {
        killed.next();
        return killed.getInt(1);
      }
    }
  }

  /** Refuses (or allows again) new connections to this database, as a database that is down would. */
  void allowConnections(boolean allowed) throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
      statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS " + allowed);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
