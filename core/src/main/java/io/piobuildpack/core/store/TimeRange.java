package io.piobuildpack.core.store;

import java.time.Instant;
import java.util.Optional;

/** A half-open window of event times {@code [start, until)}; either bound may be open ({@code null}). */
public record TimeRange(Instant start, Instant until) {

  public static final TimeRange ALL = new TimeRange(null, null);

  public static TimeRange between(Instant start, Instant until) {
    return new TimeRange(start, until);
  }

  public static TimeRange from(Instant start) {
    return new TimeRange(start, null);
  }

  public static TimeRange until(Instant until) {
    return new TimeRange(null, until);
  }

  public Optional<Instant> startOpt() {
    return Optional.ofNullable(start);
  }

  public Optional<Instant> untilOpt() {
    return Optional.ofNullable(until);
  }
}
