package io.piobuildpack.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite, the embedded store: the same tables and columns as PostgreSQL with SQLite types; times are stored as
 * epoch milliseconds so that ordering by instant works whatever the zone; WAL journal and a busy timeout so that
 * readers and one writer at a time share the file.
 */
final class SqliteDialect implements Dialect {

  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public void configure(HikariConfig pool, StorageSettings settings) {
    pool.setDriverClassName("org.sqlite.JDBC");
    pool.addDataSourceProperty("journal_mode", "WAL");
    pool.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS));
    createDirectory(settings.jdbcUrl());
  }

  @Override
  public List<String> createMetaTables(TableNames names) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + names.apps() + " (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
            + "name TEXT NOT NULL, description TEXT)",
        "CREATE TABLE IF NOT EXISTS " + names.accessKeys() + " (accesskey VARCHAR(64) NOT NULL PRIMARY KEY, "
            + "appid INTEGER NOT NULL, events TEXT)",
        "CREATE TABLE IF NOT EXISTS " + names.channels() + " (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
            + "name TEXT NOT NULL, appid INTEGER NOT NULL)");
  }

  @Override
  public List<String> createEventTable(String table, boolean indexed) {
    String keyType = indexed ? "VARCHAR(255)" : "TEXT";
    List<String> ddl = new ArrayList<>();
    ddl.add("CREATE TABLE IF NOT EXISTS " + table + " ("
        + "id VARCHAR(32) NOT NULL PRIMARY KEY, "
        + "event " + keyType + " NOT NULL, "
        + "entitytype " + keyType + " NOT NULL, "
        + "entityid " + keyType + " NOT NULL, "
        + "targetentitytype TEXT, "
        + "targetentityid TEXT, "
        + "properties TEXT, "
        + "eventtime INTEGER, "
        + "eventtimezone VARCHAR(50) NOT NULL, "
        + "tags TEXT, "
        + "prid TEXT, "
        + "creationtime INTEGER, "
        + "creationtimezone VARCHAR(50) NOT NULL)");
    if (indexed) {
      ddl.add("CREATE INDEX IF NOT EXISTS idx_" + table + "_ei ON " + table + " (entityid)");
      ddl.add("CREATE INDEX IF NOT EXISTS idx_" + table + "_et ON " + table + " (entitytype)");
    }
    return ddl;
  }

  @Override
  public void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException {
    statement.setLong(index, time.toEpochMilli());
  }

  @Override
  public Instant readTime(ResultSet rows, int index) throws SQLException {
    long millis = rows.getLong(index);
    return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  @Override
  public void lockSchema(Connection connection) {
    // DDL is a write: SQLite takes the write lock with the first CREATE TABLE
  }

  @Override
  public void lockMetadata(Connection connection, TableNames names) throws SQLException {
    beginWrite(connection, names);
  }

  @Override
  public void beginWrite(Connection connection, TableNames names) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // a write that changes nothing takes the write lock now, waiting up to the busy timeout
      statement.executeUpdate("DELETE FROM " + names.channels() + " WHERE 0");
    }
  }

  @Override
  public void afterExplicitAppId(Connection connection, TableNames names) {
    // AUTOINCREMENT continues after the largest id ever used
  }

  @Override
  public void prepareCursor(Connection connection, PreparedStatement statement) {
    // SQLite steps through results one row at a time already
  }

  @Override
  public EventSink openImportSink(Connection connection, String table, EventRows rows) throws SQLException {
    return new BatchInsertSink(connection,
        "INSERT OR IGNORE INTO " + table + " VALUES (" + EventColumns.PLACEHOLDERS + ")", rows);
  }

  @Override
  public boolean storesNulCharacters() {
    return true;
  }

  @Override
  public boolean isUndefinedTable(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains("no such table");
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT_PRIMARYKEY");
  }

  @Override
  public boolean isConnectionLost(SQLException e) {
    // an embedded file has no session to lose
    return false;
  }

  @Override
  public boolean isUnavailable(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.contains("SQLITE_CANTOPEN") || message.contains("SQLITE_NOTADB")
        || message.contains("SQLITE_READONLY") || message.contains("SQLITE_BUSY")
        || message.contains("SQLITE_FULL") || message.contains("SQLITE_IOERR");
  }

  private static void createDirectory(String jdbcUrl) {
    String location = jdbcUrl.substring("jdbc:sqlite:".length());
    if (location.isEmpty() || location.startsWith(":") || location.startsWith("file:")) {
      return;
    }
    int query = location.indexOf('?');
    Path parent = Path.of(query < 0 ? location : location.substring(0, query)).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StorageUnavailableException("Cannot create the directory of the embedded store " + parent + ": "
          + e.getMessage(), e);
    }
  }
}
