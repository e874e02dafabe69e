package io.piobuildpack.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh, empty PostgreSQL database on the test server, dropped on {@link #close()}. Tests usually get one from
 * {@link FreshPostgresDatabase}; {@link #create()} is for code that manages the lifetime itself (benchmarks).
 *
 * <p>The test server, first match wins:
 * <ol>
 *   <li>{@value #URL_VARIABLE} when set (CI sets it), a JDBC URL such as {@value #DEFAULT_URL};</li>
 *   <li>where a Docker engine runs, a PostgreSQL container (pinned image) started once per JVM by Testcontainers;</li>
 *   <li>the local server at {@value #DEFAULT_URL}.</li>
 * </ol>
 * An explicit {@value #URL_VARIABLE} wins over Docker so that a developer or CI job that names a server gets that
 * server. When the chosen server cannot be reached, {@link #create()} throws: PostgreSQL tests fail, they never skip.
 */
public final class TestDatabase implements AutoCloseable {

  /** The environment variable naming the test server's JDBC URL. */
  public static final String URL_VARIABLE = "PIO_TEST_DATABASE_URL";

  /** The local server used when {@value #URL_VARIABLE} is not set and no Docker engine runs. */
  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://([^/?]*)/)([^?]*)(\\?(.*))?$");

  private final String adminUrl;
  private final String name;
  private final String jdbcUrl;

  private TestDatabase(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.jdbcUrl = withDatabase(adminUrl, name);
  }

  /**
   * Creates a database with a random name ({@code pio_test_} and 12 hex digits) on the test server.
   *
   * @throws IllegalStateException naming the server and {@value #URL_VARIABLE} when it cannot be reached
   */
  public static TestDatabase create() {
    return createOn(serverUrl());
  }

  /**
   * Creates a database with a random name on the server of this administrative JDBC URL.
   *
   * @throws IllegalStateException naming the server and {@value #URL_VARIABLE} when it cannot be reached
   */
  public static TestDatabase createOn(String adminUrl) {
    String name = "pio_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
        .toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for tests is not reachable at " + redacted(adminUrl) + " (set "
          + URL_VARIABLE + "): " + e.getMessage(), e);
    }
    return new TestDatabase(adminUrl, name);
  }

  /** The JDBC URL of the test server's administrative database (the one databases are created from). */
  public static String serverUrl() {
    String configured = System.getenv(URL_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return PostgresContainer.adminUrlOrDefault();
  }

  /** The JDBC URL of another (perhaps missing) database on the test server, with the server URL's parameters. */
  public static String urlOf(String database) {
    return withDatabase(serverUrl(), database);
  }

  /** This database's name. */
  public String name() {
    return name;
  }

  /** The JDBC URL of this database (credentials and parameters as in the server URL). */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * This database as Heroku sets {@code DATABASE_URL}: {@code postgres://user[:password]@host:port/name}, user and
   * password taken from the JDBC URL's {@code user} and {@code password} parameters (user {@code postgres} when
   * absent). See https://devcenter.heroku.com/articles/connecting-heroku-postgres#connecting-in-java.
   */
  public String databaseUrl() {
    Matcher url = URL.matcher(jdbcUrl);
    if (!url.matches()) {
      throw new IllegalStateException("not a PostgreSQL JDBC URL: " + redacted(jdbcUrl));
    }
    String user = parameter(url.group(5), "user").orElse("postgres");
    String password = parameter(url.group(5), "password").map(p -> ":" + p).orElse("");
    return "postgres://" + user + password + "@" + url.group(2) + "/" + name;
  }

  /** A new connection to this database; the caller closes it. */
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

  /** Drops the database, ending its sessions first. */
  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  @Override
  public String toString() {
    return redacted(jdbcUrl);
  }

  private static Optional<String> parameter(String query, String key) {
    if (query == null) {
      return Optional.empty();
    }
    return Stream.of(query.split("&")).filter(p -> p.startsWith(key + "=")).map(p -> p.substring(key.length() + 1))
        .findFirst();
  }

  /** The URL with any password replaced, for messages. */
  static String redacted(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }

  static String withDatabase(String url, String database) {
    Matcher matcher = URL.matcher(url);
    if (!matcher.matches()) {
      throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/db?params, was "
          + redacted(url));
    }
    return matcher.group(1) + database + (matcher.group(4) == null ? "" : matcher.group(4));
  }

  /** A PostgreSQL container (pinned image) for machines with Docker and no configured test server. */
  private static final class PostgresContainer {
    private static final String IMAGE = "postgres:15.10";
    private static String adminUrl;

    static synchronized String adminUrlOrDefault() {
      if (adminUrl == null) {
        adminUrl = org.testcontainers.DockerClientFactory.instance().isDockerAvailable() ? start() : DEFAULT_URL;
      }
      return adminUrl;
    }

    @SuppressWarnings("resource") // runs until the JVM ends; Testcontainers' reaper removes it
    private static String start() {
      org.testcontainers.containers.PostgreSQLContainer<?> container =
          new org.testcontainers.containers.PostgreSQLContainer<>(
              org.testcontainers.utility.DockerImageName.parse(IMAGE));
      container.start();
      return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
          + container.getUsername() + "&password=" + container.getPassword();
    }
  }
}
