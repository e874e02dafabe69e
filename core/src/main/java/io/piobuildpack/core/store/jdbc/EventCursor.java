package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.store.EventScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A query's events as a {@link Stream} read row by row from an open result set; closing the stream closes the
 * result set, the statement and returns the connection.
 */
final class EventCursor extends Spliterators.AbstractSpliterator<Event> {

  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final EventRows mapper;
  private final StorageFailures failures;
  private final EventScope scope;

  private EventCursor(Connection connection, PreparedStatement statement, ResultSet rows, EventRows mapper,
      StorageFailures failures, EventScope scope) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
    this.mapper = mapper;
    this.failures = failures;
    this.scope = scope;
  }

  /**
   * Runs the query on a connection of its own and streams the rows. When the connection turns out to be dead
   * before the first row is read, the query runs again on a fresh one (up to {@value Database#MAX_ATTEMPTS}
   * attempts); a connection lost later, while rows are streamed, ends the stream with the failure.
   */
  static Stream<Event> open(Database database, EventScope scope, EventQuerySql query, EventRows mapper) {
    for (int attempt = 1; ; attempt++) {
      Connection connection = null;
      PreparedStatement statement = null;
      try {
        connection = attempt == 1 ? database.borrow() : database.borrowFresh();
        statement = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY);
        database.dialect().prepareCursor(connection, statement);
        query.bind(statement, database.dialect());
        ResultSet rows = statement.executeQuery();
        EventCursor cursor = new EventCursor(connection, statement, rows, mapper, database.failures(), scope);
        return StreamSupport.stream(cursor, false).onClose(cursor::close);
      } catch (SQLException e) {
        release(connection, statement);
        if (connection != null && attempt < Database.MAX_ATTEMPTS && database.isConnectionLost(e)) {
          database.dropIdleConnections();
          continue;
        }
        throw database.failures().translate("find events", e, scope);
      } catch (RuntimeException e) {
        release(connection, statement);
        throw e;
      }
    }
  }

  @Override
  public boolean tryAdvance(Consumer<? super Event> action) {
    try {
      if (!rows.next()) {
        return false;
      }
      action.accept(mapper.read(rows));
      return true;
    } catch (SQLException e) {
      throw failures.translate("read events", e, scope);
    }
  }

  private void close() {
    try {
      rows.close();
    } catch (SQLException e) {
      // closing a read-only cursor: nothing to recover
    }
    release(connection, statement);
  }

  /** Closes what was opened, best effort: a read-only cursor leaves nothing to undo. */
  private static void release(Connection connection, PreparedStatement statement) {
    try {
      if (statement != null) {
        statement.close();
      }
      if (connection != null) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        connection.close();
      }
    } catch (SQLException e) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // the pool discards a broken connection
    }
  }
}
