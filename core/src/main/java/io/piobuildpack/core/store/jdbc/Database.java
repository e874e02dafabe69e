package io.piobuildpack.core.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/** The connection pool, with transaction handling and failure translation for the repositories. */
final class Database implements AutoCloseable {

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

  /** Runs the work in autocommit mode. */
  <T> T withConnection(String what, EventScope scope, SqlWork<T> work) {
    try (Connection connection = borrow()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failures.translate(what, e, scope);
    } catch (IOException e) {
      throw io(what, e, scope);
    }
  }

  /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(String what, EventScope scope, SqlWork<T> work) {
    try (Connection connection = borrow()) {
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
    } catch (SQLException e) {
      throw failures.translate(what, e, scope);
    } catch (IOException e) {
      throw io(what, e, scope);
    }
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
