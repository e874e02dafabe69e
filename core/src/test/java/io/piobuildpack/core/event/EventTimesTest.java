package io.piobuildpack.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §2.3 (parsing, Joda error texts), §2.4 (printing) and the stored zone ids of §6.4/§10. */
class EventTimesTest {

  /** input, expected output of format(parse(input)), expected stored zone id. */
  static Stream<Arguments> acceptedTimes() {
    return Stream.of(
        // the examples of §2.3
        arguments("2004-12-13T21:39:45.618Z", "2004-12-13T21:39:45.618Z", "UTC"),
        arguments("2004-12-13T21:39:45.618-07:00", "2004-12-13T21:39:45.618-07:00", "-07:00"),
        arguments("2014-09-09T16:17:42Z", "2014-09-09T16:17:42.000Z", "UTC"),
        arguments("2004-12-13T21:39:45.618+0200", "2004-12-13T21:39:45.618+02:00", "+02:00"),
        arguments("2004-12-13T21:39:45.618+02", "2004-12-13T21:39:45.618+02:00", "+02:00"),
        // Z is case-insensitive
        arguments("2004-12-13T21:39:45.618z", "2004-12-13T21:39:45.618Z", "UTC"),
        arguments("2014-09-09T16:17:42z", "2014-09-09T16:17:42.000Z", "UTC"),
        // zero offsets become UTC and print as Z
        arguments("2004-12-13T21:39:45.618+00:00", "2004-12-13T21:39:45.618Z", "UTC"),
        arguments("2004-12-13T21:39:45.618-00:00", "2004-12-13T21:39:45.618Z", "UTC"),
        arguments("2004-12-13T21:39:45.618+0000", "2004-12-13T21:39:45.618Z", "UTC"),
        arguments("2004-12-13T21:39:45.618+00", "2004-12-13T21:39:45.618Z", "UTC"),
        // other offsets: HH, HHmm, HH:mm, with seconds, negative, non-whole hours
        arguments("2004-12-13T21:39:45.618-0700", "2004-12-13T21:39:45.618-07:00", "-07:00"),
        arguments("2004-12-13T21:39:45.618-07", "2004-12-13T21:39:45.618-07:00", "-07:00"),
        arguments("2004-12-13T21:39:45.618+05:45", "2004-12-13T21:39:45.618+05:45", "+05:45"),
        arguments("2004-12-13T21:39:45.618+0530", "2004-12-13T21:39:45.618+05:30", "+05:30"),
        arguments("2004-12-13T21:39:45.618-03:30", "2004-12-13T21:39:45.618-03:30", "-03:30"),
        arguments("2004-12-13T21:39:45.618+02:00:30", "2004-12-13T21:39:45.618+02:00:30", "+02:00:30"),
        arguments("2004-12-13T21:39:45.618+020030", "2004-12-13T21:39:45.618+02:00:30", "+02:00:30"),
        arguments("2014-09-09T16:17:42+08:00", "2014-09-09T16:17:42.000+08:00", "+08:00"),
        arguments("2014-09-09T16:17:42-0700", "2014-09-09T16:17:42.000-07:00", "-07:00"),
        // the transcripts' round trips (#2/#4/#31)
        arguments("2024-01-02T12:00:00.000+08:00", "2024-01-02T12:00:00.000+08:00", "+08:00"),
        arguments("2024-01-02T03:04:05.678Z", "2024-01-02T03:04:05.678Z", "UTC"),
        // fractions of 1 to 9 digits, truncated (never rounded) to milliseconds
        arguments("2004-12-13T21:39:45.6Z", "2004-12-13T21:39:45.600Z", "UTC"),
        arguments("2004-12-13T21:39:45.61Z", "2004-12-13T21:39:45.610Z", "UTC"),
        arguments("2004-12-13T21:39:45.6189Z", "2004-12-13T21:39:45.618Z", "UTC"),
        arguments("2004-12-13T21:39:45.123456Z", "2004-12-13T21:39:45.123Z", "UTC"),
        arguments("2004-12-13T21:39:45.999999Z", "2004-12-13T21:39:45.999Z", "UTC"),
        arguments("2004-12-13T21:39:45.123456789Z", "2004-12-13T21:39:45.123Z", "UTC"),
        arguments("2004-12-13T23:59:59.999999999Z", "2004-12-13T23:59:59.999Z", "UTC"),
        arguments("2004-12-13T21:39:45.000000001+01:00", "2004-12-13T21:39:45.000+01:00", "+01:00"),
        // literals are case-insensitive in Joda, so a lowercase T is accepted too
        arguments("2004-12-13t21:39:45.618Z", "2004-12-13T21:39:45.618Z", "UTC"),
        // calendar edges
        arguments("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z", "UTC"),
        arguments("1970-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z", "UTC"),
        arguments("0099-01-01T00:00:00.000Z", "0099-01-01T00:00:00.000Z", "UTC"),
        arguments("2004-12-13T21:39:45.618+18:00", "2004-12-13T21:39:45.618+18:00", "+18:00"),
        arguments("2004-12-13T21:39:45.618-18:00", "2004-12-13T21:39:45.618-18:00", "-18:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedTimes")
  void parseAcceptsTimeAndFormatPrintsItBackInItsOwnOffset(String input, String printed, String storedZone) {
    ZonedDateTime time = EventTimes.parse(input);

    assertThat(EventTimes.format(time)).isEqualTo(printed);
    assertThat(EventTimes.storedZoneId(time)).isEqualTo(storedZone);
    assertThat(time.getNano() % 1_000_000).isZero();
    // printing is a fixed point of parsing
    assertThat(EventTimes.parse(printed)).isEqualTo(time);
  }

  @Test
  void parseKeepsTheInstantAndTheGivenOffset() {
    ZonedDateTime time = EventTimes.parse("2004-12-13T21:39:45.618-07:00");

    assertThat(time.toInstant()).isEqualTo(Instant.parse("2004-12-14T04:39:45.618Z"));
    assertThat(time.getZone()).isEqualTo(ZoneOffset.ofHours(-7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2004-12-13T21:39:45.618Z", "2004-12-13T21:39:45.618+00:00",
      "2004-12-13T21:39:45.618-00:00", "2004-12-13T21:39:45.618z", "2004-12-13T21:39:45.618+0000"})
  void parseMapsEveryZeroOffsetToUtc(String input) {
    assertThat(EventTimes.parse(input).getZone()).isEqualTo(ZoneOffset.UTC);
  }

  /** input, Joda's error message (from the no-millis parser). */
  static Stream<Arguments> rejectedTimes() {
    return Stream.of(
        // the examples of §2.3
        arguments("2004-12-13T21:39:45.618",
            "Invalid format: \"2004-12-13T21:39:45.618\" is malformed at \".618\""),
        arguments("2004-12-13T21:39:45.618ABC",
            "Invalid format: \"2004-12-13T21:39:45.618ABC\" is malformed at \".618ABC\""),
        arguments("2004-12-13T21:39:45.618+1",
            "Invalid format: \"2004-12-13T21:39:45.618+1\" is malformed at \".618+1\""),
        arguments("2004-12-13", "Invalid format: \"2004-12-13\" is too short"),
        arguments("2004-12-13T21:39Z", "Invalid format: \"2004-12-13T21:39Z\" is malformed at \"Z\""),
        arguments(" 2004-12-13T21:39:45.618Z", "Invalid format: \" 2004-12-13T21:39:45.618Z\""),
        arguments("2004-12-13T21:39:45.618Z ",
            "Invalid format: \"2004-12-13T21:39:45.618Z \" is malformed at \".618Z \""),
        arguments("2014-09-09T16:17:42Z ", "Invalid format: \"2014-09-09T16:17:42Z \" is malformed at \" \""),
        arguments("2004-12-13 21:39:45.618Z",
            "Invalid format: \"2004-12-13 21:39:45.618Z\" is malformed at \" 21:39:45.618Z\""),
        arguments("2004-12-13T21:39:45,618Z",
            "Invalid format: \"2004-12-13T21:39:45,618Z\" is malformed at \",618Z\""),
        arguments("2004-12-13T21:39:45.1234567891Z",
            "Invalid format: \"2004-12-13T21:39:45.1234567891Z\" is malformed at \".1234567891Z\""),
        arguments("2004-12-13T21:39:45.618+24:00",
            "Invalid format: \"2004-12-13T21:39:45.618+24:00\" is malformed at \".618+24:00\""),
        arguments("yesterday", "Invalid format: \"yesterday\""),
        arguments("notatime", "Invalid format: \"notatime\""),
        // without millis the no-millis parser reports the offset position itself
        arguments("2014-09-09T16:17:42+24:00", "Invalid format: \"2014-09-09T16:17:42+24:00\" is malformed at \"24:00\""),
        arguments("2014-09-09T16:17:42+1", "Invalid format: \"2014-09-09T16:17:42+1\" is malformed at \"1\""),
        arguments("2014-09-09T16:17:42+", "Invalid format: \"2014-09-09T16:17:42+\" is malformed at \"+\""),
        arguments("2014-09-09T16:17:42ABC", "Invalid format: \"2014-09-09T16:17:42ABC\" is malformed at \"ABC\""),
        arguments("2014-09-09T16:17:42", "Invalid format: \"2014-09-09T16:17:42\" is too short"),
        arguments("2014-09-09T16:17:42.", "Invalid format: \"2014-09-09T16:17:42.\" is malformed at \".\""),
        arguments("2014-09-09T16:17:42.Z", "Invalid format: \"2014-09-09T16:17:42.Z\" is malformed at \".Z\""),
        arguments("2014-09-09", "Invalid format: \"2014-09-09\" is too short"),
        arguments("2014", "Invalid format: \"2014\" is too short"),
        arguments("", "Invalid format: \"\""),
        arguments("T", "Invalid format: \"T\""),
        arguments("5", "Invalid format: \"5\" is too short"),
        arguments("1.5", "Invalid format: \"1.5\" is malformed at \".5\""),
        // the 35-character rule: a sample longer than error position + 35 is cut at position + 32 and gets "..."
        arguments("notatime-notatime-notatime-notatime",
            "Invalid format: \"notatime-notatime-notatime-notatime\""),
        arguments("notatime-notatime-notatime-notatime!",
            "Invalid format: \"notatime-notatime-notatime-notat...\""),
        arguments("2004-12-13T21:39:45.618ABCDEFGHIJKLMNOPQRSTUVWXYZabcde",
            "Invalid format: \"2004-12-13T21:39:45.618ABCDEFGHIJKLMNOPQRSTUVWXYZabcde\" is malformed at "
                + "\".618ABCDEFGHIJKLMNOPQRSTUVWXYZabcde\""),
        arguments("2004-12-13T21:39:45.618ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef",
            "Invalid format: \"2004-12-13T21:39:45.618ABCDEFGHIJKLMNOPQRSTUVWXYZab...\" is malformed at "
                + "\".618ABCDEFGHIJKLMNOPQRSTUVWXYZab...\""));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("rejectedTimes")
  void parseRejectsTimeWithJodaMessage(String input, String message) {
    EventTimeFormatException e = catchThrowableOfType(EventTimeFormatException.class,
        () -> EventTimes.parse(input));

    assertThat(e).as(input).isNotNull();
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.input()).isEqualTo(input);
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2004-13-13T21:39:45Z", "2004-00-13T21:39:45Z", "2004-12-32T21:39:45Z",
      "2023-02-29T21:39:45Z", "2004-04-31T21:39:45Z", "2004-12-13T24:00:00Z", "2004-12-13T21:60:45Z",
      "2004-12-13T21:39:60Z", "2004-12-13T21:39:45.618+23:60", "2004-12-13T21:39:45+0260"})
  void parseRejectsOutOfRangeFields(String input) {
    assertThatThrownBy(() -> EventTimes.parse(input)).isInstanceOf(EventTimeFormatException.class);
  }

  @Test
  void parseReportsOutOfRangeFieldInJodaWording() {
    assertThatThrownBy(() -> EventTimes.parse("2004-13-13T21:39:45Z"))
        .isInstanceOf(EventTimeFormatException.class)
        .hasMessage("Cannot parse \"2004-13-13T21:39:45Z\": Value 13 for monthOfYear must be in the range [1,12]");
    assertThatThrownBy(() -> EventTimes.parse("2023-02-29T00:00:00Z"))
        .hasMessage("Cannot parse \"2023-02-29T00:00:00Z\": Value 29 for dayOfMonth must be in the range [1,28]");
  }

  @Test
  void parseOfOutOfRangeFieldWithMillisReportsTheNoMillisParsersError() {
    // PredictionIO falls back to the no-millis parser for any IllegalArgumentException of the first one
    assertThatThrownBy(() -> EventTimes.parse("2004-13-13T21:39:45.618Z"))
        .hasMessage("Invalid format: \"2004-13-13T21:39:45.618Z\" is malformed at \".618Z\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2004-12-13T21:39:45.618+19:00", "2004-12-13T21:39:45.618-23:59",
      "2014-09-09T16:17:42+18:01", "2014-09-09T16:17:42-1830"})
  void parseRejectsOffsetsBeyondEighteenHoursAsFormatError(String input) {
    // Joda accepts offsets up to ±23:59, java.time only up to ±18:00; they must fail cleanly, not crash
    assertThatThrownBy(() -> EventTimes.parse(input)).isInstanceOf(EventTimeFormatException.class);
  }

  @Test
  void parseReportsOffsetBeyondEighteenHoursAsMalformedAtTheSign() {
    assertThatThrownBy(() -> EventTimes.parse("2014-09-09T16:17:42+18:01"))
        .hasMessage("Invalid format: \"2014-09-09T16:17:42+18:01\" is malformed at \"+18:01\"");
  }

  @Test
  void parseOfNullIsAFormatError() {
    assertThatThrownBy(() -> EventTimes.parse(null))
        .isInstanceOf(EventTimeFormatException.class)
        .hasMessage("Invalid format: \"null\"");
  }

  /** time, expected output. */
  static Stream<Arguments> formattedTimes() {
    return Stream.of(
        arguments(ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 0, ZoneOffset.UTC), "2014-09-09T16:17:42.000Z"),
        arguments(ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 5_000_000, ZoneOffset.UTC), "2014-09-09T16:17:42.005Z"),
        arguments(ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 999_999_999, ZoneOffset.UTC),
            "2014-09-09T16:17:42.999Z"),
        arguments(ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 0, ZoneId.of("UTC")), "2014-09-09T16:17:42.000Z"),
        arguments(ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 0, ZoneId.of("Etc/UTC")), "2014-09-09T16:17:42.000Z"),
        arguments(ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 0, ZoneOffset.ofHours(0)), "2014-09-09T16:17:42.000Z"),
        arguments(ZonedDateTime.of(2024, 1, 2, 12, 0, 0, 0, ZoneOffset.ofHours(8)),
            "2024-01-02T12:00:00.000+08:00"),
        arguments(ZonedDateTime.of(2004, 12, 13, 21, 39, 45, 618_000_000, ZoneOffset.ofHours(-7)),
            "2004-12-13T21:39:45.618-07:00"),
        arguments(ZonedDateTime.of(2004, 12, 13, 21, 39, 45, 618_000_000, ZoneOffset.ofHoursMinutes(-3, -30)),
            "2004-12-13T21:39:45.618-03:30"),
        arguments(ZonedDateTime.of(2004, 12, 13, 21, 39, 45, 618_000_000, ZoneOffset.ofHoursMinutes(5, 45)),
            "2004-12-13T21:39:45.618+05:45"),
        arguments(ZonedDateTime.of(2004, 12, 13, 21, 39, 45, 618_000_000, ZoneOffset.ofHoursMinutesSeconds(2, 0, 30)),
            "2004-12-13T21:39:45.618+02:00:30"),
        // a region zone prints as its offset at that instant
        arguments(ZonedDateTime.of(2014, 11, 2, 9, 39, 45, 618_000_000, ZoneId.of("America/Los_Angeles")),
            "2014-11-02T09:39:45.618-08:00"),
        arguments(ZonedDateTime.of(2014, 7, 2, 9, 39, 45, 618_000_000, ZoneId.of("America/Los_Angeles")),
            "2014-07-02T09:39:45.618-07:00"),
        arguments(ZonedDateTime.of(2014, 7, 2, 9, 39, 45, 0, ZoneId.of("Europe/London")),
            "2014-07-02T09:39:45.000+01:00"),
        arguments(ZonedDateTime.of(2014, 1, 2, 9, 39, 45, 0, ZoneId.of("Europe/London")),
            "2014-01-02T09:39:45.000Z"),
        arguments(ZonedDateTime.of(99, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), "0099-01-02T03:04:05.000Z"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("formattedTimes")
  void formatPrintsThreeFractionDigitsAndZOrOffset(ZonedDateTime time, String expected) {
    assertThat(EventTimes.format(time)).isEqualTo(expected);
  }

  @Test
  void formatOfNormalizedTimeIsTheSame() {
    ZonedDateTime time = ZonedDateTime.of(2014, 11, 2, 9, 39, 45, 618_999_999, ZoneId.of("America/Los_Angeles"));

    assertThat(EventTimes.format(EventTimes.normalize(time))).isEqualTo(EventTimes.format(time));
  }

  @Test
  void normalizeTruncatesToMillisAndMapsZeroOffsetsToUtc() {
    ZonedDateTime withNanos = ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 123_999_999, ZoneOffset.ofHours(8));
    assertThat(EventTimes.normalize(withNanos))
        .isEqualTo(ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 123_000_000, ZoneOffset.ofHours(8)));

    for (ZoneId utcAlias : new ZoneId[] {ZoneId.of("UTC"), ZoneId.of("Etc/UTC"), ZoneId.of("GMT"),
        ZoneId.of("Z"), ZoneOffset.ofHours(0), ZoneId.of("UT")}) {
      ZonedDateTime normalized = EventTimes.normalize(ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 0, utcAlias));
      assertThat(normalized.getZone()).as(utcAlias.getId()).isEqualTo(ZoneOffset.UTC);
      assertThat(EventTimes.storedZoneId(normalized)).isEqualTo("UTC");
    }

    ZonedDateTime region = ZonedDateTime.of(2014, 9, 9, 16, 17, 42, 0, ZoneId.of("America/Los_Angeles"));
    assertThat(EventTimes.normalize(region)).isEqualTo(region);
  }

  /** time, stored zone id. */
  static Stream<Arguments> storedZoneIds() {
    return Stream.of(
        arguments(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), "UTC"),
        arguments(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("Z")), "UTC"),
        arguments(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(8)), "+08:00"),
        arguments(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-7)), "-07:00"),
        arguments(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30)), "+05:30"),
        arguments(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneId.of("America/Los_Angeles")), "America/Los_Angeles"),
        arguments(EventTimes.parse("2024-01-02T03:04:05.678Z"), "UTC"),
        arguments(EventTimes.parse("2024-01-02T03:04:05.678+00:00"), "UTC"),
        arguments(EventTimes.parse("2024-01-02T03:04:05.678-00:00"), "UTC"),
        arguments(EventTimes.parse("2024-01-02T12:00:00.000+08:00"), "+08:00"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("storedZoneIds")
  void storedZoneIdIsUtcNeverZAndOffsetsAsPlusHhMm(ZonedDateTime time, String zoneId) {
    assertThat(EventTimes.storedZoneId(time)).isEqualTo(zoneId).isNotEqualTo("Z");
    assertThat(EventTimes.zoneFromStoredId(zoneId).getRules().getOffset(time.toInstant()))
        .isEqualTo(time.getOffset());
  }

  /** stored id, zone it reads back as. */
  static Stream<Arguments> zonesFromStoredIds() {
    return Stream.of(
        arguments("UTC", ZoneOffset.UTC),
        arguments("Z", ZoneOffset.UTC),
        arguments("Etc/UTC", ZoneOffset.UTC),
        arguments("GMT", ZoneOffset.UTC),
        arguments("+00:00", ZoneOffset.UTC),
        arguments("-00:00", ZoneOffset.UTC),
        arguments("", ZoneOffset.UTC),
        arguments("+08:00", ZoneOffset.ofHours(8)),
        arguments("-07:00", ZoneOffset.ofHours(-7)),
        arguments("+05:45", ZoneOffset.ofHoursMinutes(5, 45)),
        arguments("+02:00:30", ZoneOffset.ofHoursMinutesSeconds(2, 0, 30)),
        arguments("America/Los_Angeles", ZoneId.of("America/Los_Angeles")));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("zonesFromStoredIds")
  void zoneFromStoredIdReadsWhatPredictionIoStores(String storedId, ZoneId zone) {
    assertThat(EventTimes.zoneFromStoredId(storedId)).isEqualTo(zone);
  }

  @Test
  void zoneFromStoredIdOfNullIsUtc() {
    assertThat(EventTimes.zoneFromStoredId(null)).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void zoneFromStoredIdRejectsUnknownZone() {
    assertThatThrownBy(() -> EventTimes.zoneFromStoredId("Nowhere/Atlantis")).isInstanceOf(DateTimeException.class);
  }

  @Test
  void storedZoneIdRoundTripsThroughZoneFromStoredId() {
    for (String input : new String[] {"2024-01-02T03:04:05.678Z", "2024-01-02T12:00:00.000+08:00",
        "2004-12-13T21:39:45.618-07:00", "2004-12-13T21:39:45.618+02:00:30"}) {
      ZonedDateTime time = EventTimes.parse(input);
      ZonedDateTime restored = time.toInstant().atZone(EventTimes.zoneFromStoredId(EventTimes.storedZoneId(time)));
      assertThat(restored).as(input).isEqualTo(time);
      assertThat(EventTimes.format(restored)).isEqualTo(input);
    }
  }

  @Test
  void nowIsUtcAtMillisecondPrecisionWhateverTheClocksZone() {
    Clock tokyo = Clock.fixed(Instant.parse("2026-11-28T04:18:55.286987654Z"), ZoneId.of("Asia/Tokyo"));

    ZonedDateTime now = EventTimes.now(tokyo);

    assertThat(now).isEqualTo(ZonedDateTime.of(2026, 11, 28, 4, 18, 55, 286_000_000, ZoneOffset.UTC));
    assertThat(EventTimes.format(now)).isEqualTo("2026-11-28T04:18:55.286Z");
    assertThat(EventTimes.storedZoneId(now)).isEqualTo("UTC");
  }

  @Test
  void nowUtcIsUtcAtMillisecondPrecision() {
    ZonedDateTime now = EventTimes.nowUtc();

    assertThat(now.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(now.getNano() % 1_000_000).isZero();
  }
}
