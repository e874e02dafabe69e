package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.store.EventScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates and drops tables; every creation is idempotent. */
final class SchemaManager {

  private final Dialect dialect;
  private final TableNames tables;
  private final boolean indexed;

  SchemaManager(Dialect dialect, TableNames tables, boolean indexed) {
    this.dialect = dialect;
    this.tables = tables;
    this.indexed = indexed;
  }

  void createMetaTables(Connection connection) throws SQLException {
    execute(connection, dialect.createMetaTables(tables));
  }

  void createEventTable(Connection connection, EventScope scope) throws SQLException {
    execute(connection, dialect.createEventTable(tables.events(scope), indexed));
  }

  void dropEventTable(Connection connection, EventScope scope) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + tables.events(scope));
    }
  }

  private static void execute(Connection connection, Iterable<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
