package io.piobuildpack.hooks.data;

import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a configured database that does not answer yet (an add-on being provisioned, a restart), with
 * exponential backoff up to a bound; then gives up with "retry later".
 */
final class DatabaseWait {

  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

  private final DeployLog log;
  private final Sleeper sleeper;

  /** How the wait pauses; tests pass one that does not really sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  DatabaseWait(DeployLog log, Sleeper sleeper) {
    this.log = log;
    this.sleeper = sleeper;
  }

  /**
   * Opens the store and returns it once it answers.
   *
   * @param where the database, for messages (never with a password)
   * @throws RetryLaterException when it did not answer within {@code limit}
   */
  EventStore open(Supplier<EventStore> opener, String where, Duration limit) {
    Duration waited = Duration.ZERO;
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        return answering(opener.get());
      } catch (StorageUnavailableException e) {
        if (waited.compareTo(limit) >= 0) {
          String cause = e.getMessage() == null ? "" : e.getMessage().strip();
          cause = cause.endsWith(".") ? cause.substring(0, cause.length() - 1) : cause;
          throw new RetryLaterException("The database (" + where + ") could not be used within "
              + limit.toSeconds() + " s: " + cause + ". Skipping data load.", e);
        }
        if (waited.isZero()) {
          log.waitingForDatabase(limit);
        }
        Duration next = pause.compareTo(limit.minus(waited)) > 0 ? limit.minus(waited) : pause;
        try {
          sleeper.sleep(next);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new RetryLaterException("Interrupted while waiting for the database. Skipping data load.", e);
        }
        waited = waited.plus(next);
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
      }
    }
  }

  private static EventStore answering(EventStore store) {
    try {
      store.ping();
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
