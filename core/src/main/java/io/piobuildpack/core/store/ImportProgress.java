package io.piobuildpack.core.store;

import java.time.Duration;

/** How far an import has got: lines read, bad lines among them, and time since it started. */
public record ImportProgress(long linesRead, long badLines, Duration elapsed) {

  public double linesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? linesRead : linesRead / seconds;
  }
}
