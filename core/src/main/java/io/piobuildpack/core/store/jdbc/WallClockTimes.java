package io.piobuildpack.core.store.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Instants as the wall-clock values of PredictionIO's {@code timestamp without time zone} columns: the local time
 * of the instant in the store zone (PredictionIO: its JVM's default zone), which PredictionIO 0.10's JDBC backend
 * reads back with {@code getTimestamp} in the same zone.
 *
 * <p>In a zone with daylight saving time, the hour repeated when clocks fall back (e.g. 01:00–02:00 on
 * 2024-11-03 in America/New_York) shows the same wall-clock values twice. PredictionIO reads every such value as
 * the first occurrence, so an event of the second one comes back an hour early. Here a value of the second
 * occurrence carries a marker in its microseconds — a place PredictionIO never writes (its times have
 * milliseconds) and never reads ({@code Timestamp.getTime()} drops it) — and is read back as the instant it was:
 * times in the repeated hour are kept to the millisecond, the marker is one microsecond after the millisecond.
 * See <a href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/time/zone/ZoneRules.html#getValidOffsets(java.time.LocalDateTime)">ZoneRules.getValidOffsets</a>.
 */
final class WallClockTimes {

  /** The sub-millisecond nanoseconds of a value in the second occurrence of a repeated hour. */
  static final int SECOND_OCCURRENCE_NANOS = 1_000;

  private final ZoneId zone;
  private final ZoneRules rules;

  WallClockTimes(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
  }

  /** The wall-clock value to store for an instant. */
  LocalDateTime toLocal(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    ZoneOffsetTransition overlap = overlap(local);
    if (overlap == null) {
      return local;
    }
    LocalDateTime millis = local.withNano(local.getNano() / 1_000_000 * 1_000_000);
    return rules.getOffset(instant).equals(overlap.getOffsetAfter()) ? millis.plusNanos(SECOND_OCCURRENCE_NANOS)
        : millis;
  }

  /** The instant of a stored wall-clock value. */
  Instant toInstant(LocalDateTime local) {
    ZoneOffsetTransition overlap = overlap(local);
    if (overlap == null) {
      return local.atZone(zone).toInstant();
    }
    if (local.getNano() % 1_000_000 == SECOND_OCCURRENCE_NANOS) {
      return local.minusNanos(SECOND_OCCURRENCE_NANOS).atOffset(overlap.getOffsetAfter()).toInstant();
    }
    return local.atOffset(overlap.getOffsetBefore()).toInstant();
  }

  private ZoneOffsetTransition overlap(LocalDateTime local) {
    ZoneOffsetTransition transition = rules.getTransition(local);
    return transition != null && transition.isOverlap() ? transition : null;
  }
}
