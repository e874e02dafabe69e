package io.piobuildpack.core.store;

import java.time.Duration;

/**
 * The outcome of a committed import: events newly written, events skipped because their {@code eventId} was
 * already in the table (re-importing a file is idempotent), and how long it took.
 */
public record ImportResult(long inserted, long alreadyPresent, Duration elapsed) {

  /** Every valid event of the file. */
  public long total() {
    return inserted + alreadyPresent;
  }

  /** Events per second over the whole import. */
  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? total() : total() / seconds;
  }
}
