package io.piobuildpack.buildpack.install.download;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides when a progress line is due: when {@code interval} has passed since the last one, or when another 10 %
 * of a known total has arrived. Never more often, so a fast download prints at most ten lines and a slow one a line
 * every interval.
 */
final class ProgressMeter {

  private final long intervalNanos;
  private final LongSupplier clock;
  private long lastReportNanos;
  private long nextTenth = 1;

  ProgressMeter(Duration interval, LongSupplier clock) {
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.lastReportNanos = clock.getAsLong();
  }

  /** Whether a progress line should be reported for {@code bytes} of {@code total} (-1: unknown). */
  boolean due(long bytes, long total) {
    long now = clock.getAsLong();
    boolean tenth = false;
    if (total > 0 && bytes * 10 >= nextTenth * total) {
      nextTenth = bytes * 10 / total + 1;
      tenth = true;
    }
    if (tenth || now - lastReportNanos >= intervalNanos) {
      lastReportNanos = now;
      return true;
    }
    return false;
  }
}
