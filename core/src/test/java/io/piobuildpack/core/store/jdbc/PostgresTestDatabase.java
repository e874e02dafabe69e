package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.config.Environment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A fresh PostgreSQL database for one test class, created on the server named by {@code PIO_TEST_DATABASE_URL}
 * (else a Testcontainers PostgreSQL where Docker runs, else {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres})
 * and dropped on close. When the server
 * cannot be reached, creation fails: PostgreSQL tests fail rather than skip. Shared with other modules through
 * core's test jar.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  static final String URL_VARIABLE = "PIO_TEST_DATABASE_URL";
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

  private final String adminUrl;
  private final String name;
  private final String jdbcUrl;

  private PostgresTestDatabase(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.jdbcUrl = withDatabase(adminUrl, name);
  }

  /** The URL of another database on the test server. */
  public static String urlOf(String database) {
    return withDatabase(adminUrl(), database);
  }

  public static PostgresTestDatabase create() {
    String adminUrl = adminUrl();
    String name = "pio_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for tests is not reachable at " + adminUrl + " (set "
          + URL_VARIABLE + "): " + e.getMessage(), e);
    }
    return new PostgresTestDatabase(adminUrl, name);
  }

  /** The JDBC URL of the fresh database (credentials as in the admin URL). */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
  }

  /** Ends every session on this database except the caller's, as a database restart would; returns how many. */
  public int terminateConnections() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement();
        ResultSet killed = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            + "WHERE datname = '" + name + "' AND pid <> pg_backend_pid()")) {
      killed.next();
      return killed.getInt(1);
    }
  }

  /** Refuses (or allows again) new connections to this database, as a database that is down would. */
  public void allowConnections(boolean allowed) throws SQLException {
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

  /**
   * The server to create test databases on: {@code PIO_TEST_DATABASE_URL} when set (CI sets it); else, where a
   * Docker engine runs, a PostgreSQL container started once for the JVM; else the local server at
   * {@link #DEFAULT_URL}.
   */
  private static String adminUrl() {
    return Environment.SYSTEM.find(URL_VARIABLE).orElseGet(PostgresContainer::adminUrlOrDefault);
  }

  /** A PostgreSQL container (pinned image) for machines with Docker and no configured test server. */
  private static final class PostgresContainer {
    private static final String IMAGE = "postgres:15.10";
    private static String adminUrl;

    static synchronized String adminUrlOrDefault() {
      if (adminUrl == null) {
        adminUrl = DockerClientFactory.instance().isDockerAvailable() ? start() : DEFAULT_URL;
      }
      return adminUrl;
    }

    @SuppressWarnings("resource") // runs until the JVM ends; Testcontainers' reaper removes it
    private static String start() {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE));
      container.start();
      return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
          + container.getUsername() + "&password=" + container.getPassword();
    }
  }

  private static String withDatabase(String url, String database) {
    Matcher matcher = URL.matcher(url);
    if (!matcher.matches()) {
      throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/db?params");
    }
    return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
  }
}
