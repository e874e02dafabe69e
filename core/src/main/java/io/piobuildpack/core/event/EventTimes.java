package io.piobuildpack.core.event;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * PredictionIO's time conventions: millisecond precision, zero offsets as UTC, the exact output format of
 * Joda's {@code ISODateTimeFormat.dateTime()}, and the zone ids its JDBC backend stores.
 */
public final class EventTimes {

  /** The zone id PredictionIO stores for a zero offset; Joda cannot read {@code Z} as a zone id. */
  public static final String UTC_ZONE_ID = "UTC";

  private EventTimes() {}

  /** Now, in UTC, at millisecond precision. */
  public static ZonedDateTime nowUtc() {
    return now(Clock.systemUTC());
  }

  /** Now according to the clock, in UTC, at millisecond precision. */
  public static ZonedDateTime now(Clock clock) {
    return normalize(ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)));
  }

  /**
   * Parses a time as PredictionIO does (ISO 8601 with a mandatory zone, fraction optional).
   *
   * @throws EventTimeFormatException with Joda's message text when the value is not accepted
   */
  public static ZonedDateTime parse(String text) {
    return EventTimeParser.parse(text);
  }

  /** Prints a time as PredictionIO does: {@code yyyy-MM-dd'T'HH:mm:ss.SSS} then {@code Z} or {@code ±HH:mm}. */
  public static String format(ZonedDateTime time) {
    return EventTimeFormatter.format(time);
  }

  /** Truncates to milliseconds and maps any zero-offset zone to {@link ZoneOffset#UTC}. */
  public static ZonedDateTime normalize(ZonedDateTime time) {
    ZonedDateTime millis = time.truncatedTo(ChronoUnit.MILLIS);
    ZoneId zone = millis.getZone();
    if (!(zone instanceof ZoneOffset) && isUtcAlias(zone.getId())) {
      return millis.withZoneSameInstant(ZoneOffset.UTC);
    }
    if (zone instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
      return millis.withZoneSameInstant(ZoneOffset.UTC);
    }
    return millis;
  }

  /** The zone id PredictionIO's JDBC backend stores beside a time: {@code UTC}, {@code +08:00} or a region. */
  public static String storedZoneId(ZonedDateTime time) {
    ZoneId zone = time.getZone();
    if (zone instanceof ZoneOffset offset) {
      return offset.getTotalSeconds() == 0 ? UTC_ZONE_ID : offset.getId();
    }
    return zone.getId();
  }

  /**
   * The zone for a stored zone id, as Joda would read it: {@code UTC}, a fixed offset or a region id.
   *
   * @throws DateTimeException when the id is not a zone
   */
  public static ZoneId zoneFromStoredId(String id) {
    if (id == null || id.isEmpty() || isUtcAlias(id)) {
      return ZoneOffset.UTC;
    }
    ZoneId zone = ZoneId.of(id);
    if (zone instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
      return ZoneOffset.UTC;
    }
    return zone;
  }

  private static boolean isUtcAlias(String id) {
    return id.equals("UTC") || id.equals("Z") || id.equals("Etc/UTC") || id.equals("GMT") || id.equals("UT")
        || id.equals("Etc/GMT") || id.equals("Etc/UCT") || id.equals("UCT") || id.equals("Zulu");
  }
}
