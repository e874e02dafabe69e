package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.ChannelNotFoundException;
import io.piobuildpack.core.store.EventIdConflictException;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.StorageException;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns JDBC failures into the store's typed exceptions, using the dialect's error codes. */
final class StorageFailures {

  private final Dialect dialect;
  private final String location;

  StorageFailures(Dialect dialect, String location) {
    this.dialect = dialect;
    this.location = location;
  }

  /**
   * The typed exception for a failure while doing {@code what}.
   *
   * @param scope the event table concerned, or {@code null}; a missing table then means its app or channel is gone
   */
  StorageException translate(String what, SQLException e, EventScope scope) {
    if (e instanceof SQLTransientConnectionException || dialect.isUnavailable(e) || isUnavailable(e.getCause())) {
      return unavailable(e);
    }
    if (scope != null && dialect.isUndefinedTable(e)) {
      return scope.channelId().isPresent()
          ? new ChannelNotFoundException(scope.appId(), "ID " + scope.channelId().getAsInt())
          : AppNotFoundException.id(scope.appId());
    }
    if (dialect.isDuplicateKey(e)) {
      return new EventIdConflictException("Cannot " + what + ": an event with this eventId already exists", e);
    }
    return new StorageException("Cannot " + what + ": " + e.getMessage(), e);
  }

  /** The database could not be reached. */
  StorageUnavailableException unavailable(Throwable cause) {
    return new StorageUnavailableException("The " + dialect.name() + " database at " + location
        + " is not available: " + rootMessage(cause), cause);
  }

  private boolean isUnavailable(Throwable cause) {
    return cause instanceof SQLException sql && dialect.isUnavailable(sql);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
