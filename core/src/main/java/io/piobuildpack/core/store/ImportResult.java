package io.piobuildpack.core.store;

import io.piobuildpack.core.text.Counts;
import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of a committed import: events newly written, events skipped because their {@code eventId} was
 * already in the table (re-importing a file is idempotent), and how long it took.
 */
public record ImportResult(long inserted, long alreadyPresent, Duration elapsed) {

  /** Every valid event of the file. */
  public long total() {
    return inserted + alreadyPresent;
  }

  /** {@code Imported N events (M already present) in T s}: the summary line of every import. */
  public String summary() {
    return String.format(Locale.ROOT, "Imported %s (%d already present) in %.1f s", Counts.of(inserted, "event"),
        alreadyPresent, elapsed.toMillis() / 1000.0);
  }

  /** Events per second over the whole import. */
  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? total() : total() / seconds;
  }
}
