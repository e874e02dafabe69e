package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The former shared PostgreSQL test database, kept only so that tests written against it (in other modules, through
 * core's test jar) keep compiling; it delegates to test-support's {@link TestDatabase}. New tests use
 * {@code @FreshPostgresDatabase} with a {@link TestDatabase} parameter instead; this class goes once nothing
 * uses it.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  private final TestDatabase database;

  private PostgresTestDatabase(TestDatabase database) {
    this.database = database;
  }

  /** The URL of another database on the test server. */
  public static String urlOf(String database) {
    return TestDatabase.urlOf(database);
  }

  /** A fresh database; see {@link TestDatabase#create()}. */
  public static PostgresTestDatabase create() {
    return new PostgresTestDatabase(TestDatabase.create());
  }

  /** The JDBC URL of the fresh database (credentials as in the admin URL). */
  public String jdbcUrl() {
    return database.jdbcUrl();
  }

  public Connection connect() throws SQLException {
    return database.connect();
  }

  /** Ends every session on this database except the caller's, as a database restart would; returns how many. */
  public int terminateConnections() throws SQLException {
    return database.terminateConnections();
  }

  /** Refuses (or allows again) new connections to this database, as a database that is down would. */
  public void allowConnections(boolean allowed) throws SQLException {
    database.allowConnections(allowed);
  }

  @Override
  public void close() throws SQLException {
    database.close();
  }
}
