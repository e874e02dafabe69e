package io.piobuildpack.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.piobuildpack.core.config.StorageSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL, exactly as PredictionIO's JDBC backend lays it out ({@code JDBCApps}, {@code JDBCAccessKeys},
 * {@code JDBCChannels}, {@code JDBCLEvents} in
 * https://github.com/apache/predictionio/tree/v0.14.0/storage/jdbc/src/main/scala/org/apache/predictionio/data/storage/jdbc):
 * {@code serial} ids, unquoted
 * (lower-cased) names, {@code timestamp} columns holding the wall-clock time in one zone (PredictionIO: the JVM
 * default zone). Improvements: the sequence is advanced past explicit app ids, index creation is idempotent,
 * metadata changes are serialised with an advisory lock, imports use {@code COPY}.
 */
final class PostgresDialect implements Dialect {

  /** Arbitrary constant identifying this toolkit's metadata lock. */
  private static final long METADATA_LOCK = 0x70696f6d657461L;
  private static final int CURSOR_FETCH_SIZE = 1000;

  private final ZoneId timestampZone;
  private final WallClockTimes wallClock;

  PostgresDialect(ZoneId timestampZone) {
    this.timestampZone = timestampZone;
    this.wallClock = new WallClockTimes(timestampZone);
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public void configure(HikariConfig pool, StorageSettings settings) {
    pool.setDriverClassName("org.postgresql.Driver");
    pool.addDataSourceProperty("ApplicationName", "pio-buildpack");
  }

  @Override
  public List<String> createMetaTables(TableNames names) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + names.apps() + " (id serial NOT NULL PRIMARY KEY, name text NOT NULL, "
            + "description text)",
        "CREATE TABLE IF NOT EXISTS " + names.accessKeys() + " (accesskey varchar(64) NOT NULL PRIMARY KEY, "
            + "appid integer NOT NULL, events text)",
        "CREATE TABLE IF NOT EXISTS " + names.channels() + " (id serial NOT NULL PRIMARY KEY, name text NOT NULL, "
            + "appid integer NOT NULL)");
  }

  @Override
  public List<String> createEventTable(String table, boolean indexed) {
    String keyType = indexed ? "varchar(255)" : "text";
    List<String> ddl = new ArrayList<>();
    ddl.add("CREATE TABLE IF NOT EXISTS " + table + " ("
        + "id varchar(32) NOT NULL PRIMARY KEY, "
        + "event " + keyType + " NOT NULL, "
        + "entityType " + keyType + " NOT NULL, "
        + "entityId " + keyType + " NOT NULL, "
        + "targetEntityType text, "
        + "targetEntityId text, "
        + "properties text, "
        + "eventTime timestamp DEFAULT CURRENT_TIMESTAMP, "
        + "eventTimeZone varchar(50) NOT NULL, "
        + "tags text, "
        + "prId text, "
        + "creationTime timestamp DEFAULT CURRENT_TIMESTAMP, "
        + "creationTimeZone varchar(50) NOT NULL)");
    if (indexed) {
      ddl.add("CREATE INDEX IF NOT EXISTS idx_" + table + "_ei ON " + table + " (entityId)");
      ddl.add("CREATE INDEX IF NOT EXISTS idx_" + table + "_et ON " + table + " (entityType)");
    }
    return ddl;
  }

  @Override
  public void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException {
    statement.setObject(index, wallClock.toLocal(time));
  }

  @Override
  public Instant readTime(ResultSet rows, int index) throws SQLException {
    LocalDateTime local = rows.getObject(index, LocalDateTime.class);
    return local == null ? null : wallClock.toInstant(local);
  }

  @Override
  public void lockMetadata(Connection connection, TableNames names) throws SQLException {
    lockSchema(connection);
  }

  @Override
  public void lockSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + METADATA_LOCK + ")");
    }
  }

  @Override
  public void beginWrite(Connection connection, TableNames names) {
    // row-level locking: nothing to take up front
  }

  @Override
  public void afterExplicitAppId(Connection connection, TableNames names) throws SQLException {
    String apps = names.apps();
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT setval('" + apps + "_id_seq', GREATEST((SELECT MAX(id) FROM " + apps + "), "
          + "(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM " + apps + "_id_seq), 1), true)");
    }
  }

  @Override
  public void prepareCursor(Connection connection, PreparedStatement statement) throws SQLException {
    connection.setAutoCommit(false);
    statement.setFetchSize(CURSOR_FETCH_SIZE);
  }

  @Override
  public EventSink openImportSink(Connection connection, String table, EventRows rows) throws SQLException {
    return new PostgresCopySink(connection, table, timestampZone);
  }

  @Override
  public boolean storesNulCharacters() {
    return false;
  }

  @Override
  public boolean isUndefinedTable(SQLException e) {
    return "42P01".equals(e.getSQLState());
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  @Override
  public boolean isConnectionLost(SQLException e) {
    // 08: connection exception (broken socket); 57P01-57P03: the server terminated the session
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  @Override
  public boolean isUnavailable(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")
        || state.startsWith("57P") || state.equals("53300"));
  }
}
