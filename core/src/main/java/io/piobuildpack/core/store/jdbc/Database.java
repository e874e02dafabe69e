package io.piobuildpack.core.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, with transaction handling and failure translation for the repositories. */
final class Database implements AutoCloseable {

  /** Attempts of a unit of work whose connection is lost: the first, and retries on fresh connections. */
  static final int MAX_ATTEMPTS = 3;

  /** How long a retry waits for a fresh connection, in milliseconds. */
  static final long RETRY_CONNECTION_TIMEOUT_MILLIS = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final TableNames tables;
  private final StorageFailures failures;

  Database(HikariDataSource pool, Dialect dialect, TableNames tables, StorageFailures failures) {
    this.pool = pool;
    this.dialect = dialect;
    this.tables = tables;
    this.failures = failures;
  }

  Dialect dialect() {
    return dialect;
  }

  TableNames tables() {
    return tables;
  }

  StorageFailures failures() {
    return failures;
  }

  /**
   * Runs idempotent work (a read, a delete by key) in autocommit mode, again on a fresh connection when the
   * pooled one turns out to be dead (see {@link #withConnection(String, EventScope, SqlWork, SqlWork)}).
   */
  <T> T withConnection(String what, EventScope scope, SqlWork<T> work) {
    return withConnection(what, scope, work, work);
  }

  /**
   * Runs the work in autocommit mode. When the connection is lost before the work finished (the server
   * terminated the session: SQLSTATE class 08 or 57P on PostgreSQL), the idle connections of the pool are dropped
   * and {@code afterLoss} runs on a fresh connection, up to {@value #MAX_ATTEMPTS} attempts in all. Since the lost
   * attempt may or may not have taken effect, {@code afterLoss} must give the same result either way (e.g. insert
   * only if the row is not there yet). A failure to get a connection at all is not retried: the pool has already
   * tried to open one for its connection timeout, and the caller gets {@link
   * io.piobuildpack.core.store.StorageUnavailableException}.
   */
  <T> T withConnection(String what, EventScope scope, SqlWork<T> work, SqlWork<T> afterLoss) {
    return attempts(what, scope, connection -> work.run(connection), connection -> afterLoss.run(connection));
  }

  /** Runs the work in one transaction: committed when it returns, rolled back when it throws. Not retried. */
  <T> T inTransaction(String what, EventScope scope, SqlWork<T> work) {
    try (Connection connection = borrow()) {
      return transaction(connection, work);
    } catch (SQLException e) {
      throw failures.translate(what, e, scope);
    } catch (IOException e) {
      throw io(what, e, scope);
    }
  }

  /**
   * Runs the work in one transaction, and {@code afterLoss} in a new transaction on a fresh connection when the
   * connection was lost before the commit was confirmed (the commit may then have happened or not: {@code
   * afterLoss} must give the same result either way), as {@link #withConnection(String, EventScope, SqlWork,
   * SqlWork)} does.
   */
  <T> T inTransaction(String what, EventScope scope, SqlWork<T> work, SqlWork<T> afterLoss) {
    return attempts(what, scope, connection -> transaction(connection, work),
        connection -> transaction(connection, afterLoss));
  }

  /** True when the failure means that this connection is dead, not that the database is unreachable. */
  boolean isConnectionLost(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof SQLException sql && dialect.isConnectionLost(sql)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Closes the idle connections of the pool (and the busy ones when they are returned): after one connection was
   * found dead, its siblings opened at the same time most likely are too (a restart, a reaper, a failover).
   */
  void dropIdleConnections() {
    pool.getHikariPoolMXBean().softEvictConnections();
  }

  private <T> T attempts(String what, EventScope scope, SqlWork<T> first, SqlWork<T> again) {
    SqlWork<T> work = first;
    for (int attempt = 1; ; attempt++) {
      Connection connection;
      try {
        connection = attempt == 1 ? borrow() : borrowFresh();
      } catch (SQLException e) {
        throw failures.translate(what, e, scope);
      }
      try (connection) {
        return work.run(connection);
      } catch (SQLException | IOException e) {
        if (attempt < MAX_ATTEMPTS && isConnectionLost(e)) {
          LOG.info("Lost a database connection while trying to {} ({}); trying again on a new connection", what,
              e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
          dropIdleConnections();
          work = again;
          continue;
        }
        if (e instanceof SQLException sql) {
          throw failures.translate(what, sql, scope);
        }
        throw io(what, (IOException) e, scope);
      }
    }
  }

  private static <T> T transaction(Connection connection, SqlWork<T> work) throws SQLException, IOException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | IOException | RuntimeException | Error e) {
      rollbackQuietly(connection, e);
      throw e;
    } finally {
      restoreAutoCommit(connection);
    }
  }

  /**
   * A connection for a retry after a lost one, waiting at most {@value #RETRY_CONNECTION_TIMEOUT_MILLIS} ms
   * instead of the pool's connection timeout: the database has just dropped a session, and when it also refuses
   * new ones it is down, which the caller should learn quickly (503) rather than after the pool's timeout.
   */
  Connection borrowFresh() throws SQLException {
    // HikariDataSource hands out its HikariPool as the MXBean; only the pool takes a per-call timeout
    if (pool.getHikariPoolMXBean() instanceof HikariPool hikari) {
      return hikari.getConnection(RETRY_CONNECTION_TIMEOUT_MILLIS);
    }
    return borrow();
  }

  /** A connection the caller must close (for results streamed after this method returns). */
  Connection borrow() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void close() {
    pool.close();
  }

  private RuntimeException io(String what, IOException e, EventScope scope) {
    if (e.getCause() instanceof SQLException sql) {
      StorageException translated = failures.translate(what, sql, scope);
      translated.addSuppressed(e);
      return translated;
    }
    return new UncheckedIOException(e);
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void restoreAutoCommit(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // the pool discards a broken connection on close
    }
  }
}
