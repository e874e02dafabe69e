package io.piobuildpack.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import io.piobuildpack.core.config.StorageSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What differs between databases: DDL, how times are stored, locking, bulk loading, cursors and error codes.
 * Everything else in this package is plain JDBC shared by all dialects. A MySQL dialect would implement this
 * interface and be chosen in {@link Dialects}.
 */
interface Dialect {

  /** A name for messages, e.g. {@code PostgreSQL}. */
  String name();

  /** Sets driver- and database-specific pool options (and prepares anything the URL needs, like a directory). */
  void configure(HikariConfig pool, StorageSettings settings);

  /** Idempotent DDL of the three meta tables. */
  List<String> createMetaTables(TableNames names);

  /** Idempotent DDL of one event table, with PredictionIO's two indexes when {@code indexed}. */
  List<String> createEventTable(String table, boolean indexed);

  void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException;

  /** The instant in a time column, or {@code null} for SQL NULL. */
  Instant readTime(ResultSet rows, int index) throws SQLException;

  /** Serialises creation of the meta tables by concurrent processes, in the current transaction. */
  void lockSchema(Connection connection) throws SQLException;

  /** Serialises metadata changes in the current transaction (PredictionIO has no unique constraints). */
  void lockMetadata(Connection connection, TableNames names) throws SQLException;

  /**
   * Called first in a transaction that reads before it writes, so that the database grants the write lock up
   * front (SQLite) instead of failing the upgrade later.
   */
  void beginWrite(Connection connection, TableNames names) throws SQLException;

  /** After an app row was inserted with an explicit id: keep later generated ids from colliding with it. */
  void afterExplicitAppId(Connection connection, TableNames names) throws SQLException;

  /** Makes a query on this connection read with a forward-only cursor rather than load every row. */
  void prepareCursor(Connection connection, PreparedStatement statement) throws SQLException;

  /** The fastest safe way to load many events into a table within the connection's open transaction. */
  EventSink openImportSink(Connection connection, String table, EventRows rows) throws SQLException;

  /** False when text columns cannot hold U+0000 (PostgreSQL). */
  boolean storesNulCharacters();

  boolean isUndefinedTable(SQLException e);

  boolean isDuplicateKey(SQLException e);

  /**
   * True when the failure means that this one connection is dead (its session was terminated or its socket
   * broke), so that the same work may succeed on a fresh connection.
   */
  boolean isConnectionLost(SQLException e);

  /** True when the failure means the database cannot be reached or used at all. */
  boolean isUnavailable(SQLException e);
}
