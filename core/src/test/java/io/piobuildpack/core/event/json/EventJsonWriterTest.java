package io.piobuildpack.core.event.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.EventTimes;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec §2.5 (output JSON of an event) and §2.2 (property numbers) for {@link EventJsonWriter}. */
class EventJsonWriterTest {

  private static EventJsonReader readerAt(String instant) {
    return new EventJsonReader(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  void toJsonWritesEveryFieldInPredictionIoOrderCompactly() {
    Event e = Event.builder("rate", "user", "1")
        .eventId("9f3c0000000000000000000000000001")
        .target("item", "3")
        .properties(EventProperties.of("rating", 4))
        .eventTime(ZonedDateTime.of(2014, 11, 2, 9, 39, 45, 618_000_000, ZoneOffset.ofHours(-8)))
        .tags(List.of("t1"))
        .prId("pr1")
        .creationTime(ZonedDateTime.of(2019, 5, 1, 10, 0, 0, 123_000_000, ZoneOffset.UTC))
        .build();

    assertThat(EventJsonWriter.toJson(e)).isEqualTo("{\"eventId\":\"9f3c0000000000000000000000000001\","
        + "\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"1\",\"targetEntityType\":\"item\","
        + "\"targetEntityId\":\"3\",\"properties\":{\"rating\":4},\"eventTime\":\"2014-11-02T09:39:45.618-08:00\","
        + "\"prId\":\"pr1\",\"creationTime\":\"2019-05-01T10:00:00.123Z\"}");
  }

  @Test
  void toJsonOmitsAbsentOptionalFieldsAndAlwaysWritesProperties() {
    ZonedDateTime t = ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000, ZoneOffset.UTC);
    Event e = Event.builder("view", "user", "u1").eventTime(t).creationTime(t).build();

    assertThat(EventJsonWriter.toJson(e)).isEqualTo("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\","
        + "\"properties\":{},\"eventTime\":\"2024-01-02T03:04:05.678Z\",\"creationTime\":\"2024-01-02T03:04:05.678Z\"}");
  }

  @Test
  void toJsonNeverWritesTags() {
    Event e = Event.builder("view", "user", "u1").tags(List.of("a", "b")).build();

    assertThat(EventJsonWriter.toJson(e)).doesNotContain("tags").doesNotContain("\"a\"");
  }

  @Test
  void toJsonWritesNoNullsAndNoWhitespace() {
    Event e = Event.builder("view", "user", "u1").targetEntityType("item").build();

    String json = EventJsonWriter.toJson(e);

    assertThat(json).doesNotContain("null").doesNotContain(" ").doesNotContain("\n").doesNotContain("targetEntityId");
  }

  /** Transcript steps whose GET response shows the event written back; the reader's clock is the creation time. */
  static Stream<Arguments> transcriptRoundTrips() {
    return Stream.of(
        arguments("#3 posted, #32 returned", "2026-11-28T04:18:55.286Z", "8fb5f683f8b44228ae21794ac3a21f79",
            "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\","
                + "\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4}}",
            "{\"eventId\":\"8fb5f683f8b44228ae21794ac3a21f79\",\"event\":\"rate\",\"entityType\":\"user\","
                + "\"entityId\":\"u1\",\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\",\"properties\":"
                + "{\"rating\":4},\"eventTime\":\"2026-11-28T04:18:55.286Z\",\"creationTime\":"
                + "\"2026-11-28T04:18:55.286Z\"}"),
        arguments("#2 posted, #31 returned", "2026-11-28T04:18:55.190Z", "d281bbcce5074e5dacce1c4a0e95c2a8",
            "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{\"a\":1,\"b\":\"x\"},"
                + "\"eventTime\":\"2024-01-02T03:04:05.678Z\"}",
            "{\"eventId\":\"d281bbcce5074e5dacce1c4a0e95c2a8\",\"event\":\"$set\",\"entityType\":\"user\","
                + "\"entityId\":\"u1\",\"properties\":{\"a\":1,\"b\":\"x\"},\"eventTime\":\"2024-01-02T03:04:05.678Z\","
                + "\"creationTime\":\"2026-11-28T04:18:55.190Z\"}"),
        arguments("#25 nested properties", "2026-11-28T04:18:56.172Z", "2bfd7bd848024365a52664031ddbd8b0",
            "{\"event\":\"like\",\"entityType\":\"user\",\"entityId\":\"u3\",\"targetEntityType\":\"item\","
                + "\"targetEntityId\":\"i3\",\"properties\":{\"p\":[1,2,{\"q\":null}]},"
                + "\"eventTime\":\"2024-01-02T05:06:07.000Z\"}",
            "{\"eventId\":\"2bfd7bd848024365a52664031ddbd8b0\",\"event\":\"like\",\"entityType\":\"user\","
                + "\"entityId\":\"u3\",\"targetEntityType\":\"item\",\"targetEntityId\":\"i3\",\"properties\":"
                + "{\"p\":[1,2,{\"q\":null}]},\"eventTime\":\"2024-01-02T05:06:07.000Z\",\"creationTime\":"
                + "\"2026-11-28T04:18:56.172Z\"}"),
        arguments("Java SDK wire capture", "2026-11-28T04:19:05.750Z", "72a23910414f47fb8d1a863c7a2380b9",
            "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"sdk-u1\",\"properties\":{\"plan\":\"gold\","
                + "\"age\":42},\"eventTime\":\"2024-05-06T07:08:09.123Z\"}",
            "{\"eventId\":\"72a23910414f47fb8d1a863c7a2380b9\",\"event\":\"$set\",\"entityType\":\"user\","
                + "\"entityId\":\"sdk-u1\",\"properties\":{\"plan\":\"gold\",\"age\":42},"
                + "\"eventTime\":\"2024-05-06T07:08:09.123Z\",\"creationTime\":\"2026-11-28T04:19:05.750Z\"}"),
        arguments("node SDK wire capture (appId ignored)", "2026-11-28T04:19:06.823Z",
            "0e610cdc9c784f68b9968420d6fe0203",
            "{\"entityType\":\"user\",\"targetEntityType\":\"item\",\"event\":\"view\",\"entityId\":\"node-u1\","
                + "\"targetEntityId\":\"node-i1\",\"appId\":7}",
            "{\"eventId\":\"0e610cdc9c784f68b9968420d6fe0203\",\"event\":\"view\",\"entityType\":\"user\","
                + "\"entityId\":\"node-u1\",\"targetEntityType\":\"item\",\"targetEntityId\":\"node-i1\","
                + "\"properties\":{},\"eventTime\":\"2026-11-28T04:19:06.823Z\",\"creationTime\":"
                + "\"2026-11-28T04:19:06.823Z\"}"),
        arguments("import file, read back", "2026-11-28T04:18:58.421Z", "bda09a71a23c47bdaef8f4cea817502a",
            "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"imp1\",\"properties\":{\"a\":1},"
                + "\"eventTime\":\"2024-03-04T05:06:07.890Z\"}",
            "{\"eventId\":\"bda09a71a23c47bdaef8f4cea817502a\",\"event\":\"$set\",\"entityType\":\"user\","
                + "\"entityId\":\"imp1\",\"properties\":{\"a\":1},\"eventTime\":\"2024-03-04T05:06:07.890Z\","
                + "\"creationTime\":\"2026-11-28T04:18:58.421Z\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transcriptRoundTrips")
  void toJsonOfPostedEventEqualsWhatPredictionIoReturned(String step, String now, String id, String posted,
      String returned) {
    Event e = readerAt(now).read(posted).withEventId(id);

    assertThat(EventJsonWriter.toJson(e)).isEqualTo(returned);
  }

  @Test
  void toJsonPrintsEventTimeInItsOwnOffset() {
    Event e = readerAt("2026-01-01T00:00:00Z").read("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\","
        + "\"eventTime\":\"2004-12-13T21:39:45.618-07:00\"}");
    Event utc = readerAt("2026-01-01T00:00:00Z").read("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\","
        + "\"eventTime\":\"2004-12-13T21:39:45.618+00:00\"}");
    Event noMillis = readerAt("2026-01-01T00:00:00Z").read("{\"event\":\"view\",\"entityType\":\"user\","
        + "\"entityId\":\"u1\",\"eventTime\":\"2014-09-09T16:17:42Z\"}");
    Event region = Event.builder("view", "user", "u1")
        .eventTime(ZonedDateTime.of(2014, 11, 2, 9, 39, 45, 618_000_000, ZoneId.of("America/Los_Angeles"))).build();

    assertThat(EventJsonWriter.toJson(e)).contains("\"eventTime\":\"2004-12-13T21:39:45.618-07:00\"");
    assertThat(EventJsonWriter.toJson(utc)).contains("\"eventTime\":\"2004-12-13T21:39:45.618Z\"");
    assertThat(EventJsonWriter.toJson(noMillis)).contains("\"eventTime\":\"2014-09-09T16:17:42.000Z\"");
    assertThat(EventJsonWriter.toJson(region)).contains("\"eventTime\":\"2014-11-02T09:39:45.618-08:00\"");
  }

  /** raw property JSON as posted, property JSON as written back. */
  static Stream<Arguments> propertyNumbers() {
    return Stream.of(
        arguments("4.56", "4.56"),
        arguments("3.0", "3.0"),
        arguments("3.00", "3.0"),
        arguments("1e10", "1.0E10"),
        arguments("1E+10", "1.0E10"),
        arguments("1.5e-7", "1.5E-7"),
        arguments("0.001", "0.001"),
        arguments("1234567.0", "1234567.0"),
        arguments("12345678.9", "1.23456789E7"),
        arguments("0.1234567890123456789", "0.12345678901234568"),
        arguments("-0.0", "-0.0"),
        arguments("4", "4"),
        arguments("-4", "-4"),
        arguments("0", "0"),
        arguments("9223372036854775807", "9223372036854775807"),
        arguments("9223372036854775808", "9223372036854775808"),
        arguments("-9223372036854775809", "-9223372036854775809"),
        arguments("123456789012345678901234567890123456789", "123456789012345678901234567890123456789"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("propertyNumbers")
  void toJsonWritesIntegersExactlyAndOtherNumbersWithDoubleToString(String posted, String written) {
    Event e = readerAt("2026-01-01T00:00:00Z").read("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\","
        + "\"properties\":{\"n\":" + posted + "}}");

    assertThat(EventJsonWriter.toJson(e)).contains("\"properties\":{\"n\":" + written + "}");
  }

  @Test
  void toJsonWritesPropertyValuesOfEveryKind() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("q", null);
    nested.put("r", List.of(true, false));
    Event e = Event.builder("view", "user", "u1")
        .properties(EventProperties.of("s", "x\"y\\z\n\u0001", "i", 1, "l", 2L, "big", new BigInteger("18446744073709551616"),
            "d", 0.5, "f", 1.5f, "b", true, "n", null, "arr", Arrays.asList(1, "a", null), "obj", nested,
            "u", "ü€\uD83D\uDE00"))
        .build();

    assertThat(EventJsonWriter.toJson(e)).contains("\"properties\":{\"s\":\"x\\\"y\\\\z\\n\\u0001\",\"i\":1,\"l\":2,"
        + "\"big\":18446744073709551616,\"d\":0.5,\"f\":1.5,\"b\":true,\"n\":null,\"arr\":[1,\"a\",null],"
        + "\"obj\":{\"q\":null,\"r\":[true,false]},\"u\":\"ü€\uD83D\uDE00\"}");
  }

  @Test
  void toJsonKeepsPropertyOrderAsGiven() {
    Event e = readerAt("2026-01-01T00:00:00Z").read("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\","
        + "\"properties\":{\"e\":1,\"d\":2,\"c\":3,\"b\":4,\"a\":5,\"f\":6}}");

    assertThat(EventJsonWriter.toJson(e)).contains("{\"e\":1,\"d\":2,\"c\":3,\"b\":4,\"a\":5,\"f\":6}");
  }

  @Test
  void writeAppendsOneObjectWithoutNewlineAndLeavesWriterOpen() throws IOException {
    Event e = Event.builder("view", "user", "u1").build();
    StringWriter out = new StringWriter();

    EventJsonWriter.write(e, out);
    out.write('\n');
    EventJsonWriter.write(e, out);

    assertThat(out.toString()).isEqualTo(EventJsonWriter.toJson(e) + "\n" + EventJsonWriter.toJson(e));
  }

  static Stream<Arguments> roundTripInputs() {
    return Stream.of(
        arguments("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}"),
        arguments("{\"eventId\":\"abc\",\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":5,"
            + "\"targetEntityType\":\"item\",\"targetEntityId\":1.5,\"properties\":{\"rating\":4,\"x\":[1,{\"y\":null}],"
            + "\"d\":4.56,\"e\":1e10,\"big\":123456789012345678901234567890},"
            + "\"eventTime\":\"2004-12-13T21:39:45.123456-07:00\",\"prId\":\"p\",\"tags\":[\"t\"]}"),
        arguments("{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{\"a\":null},"
            + "\"eventTime\":\"2004-12-13T21:39:45+02:00:30\"}"),
        arguments("{\"event\":\"predict\",\"entityType\":\"pio_pr\",\"entityId\":\"x\",\"properties\":"
            + "{\"s\":\"\\\"quoted\\\" \\\\ \\n \\t \\u0000 \\ud83d\\ude00\"},\"eventTime\":\"2024-01-02T12:00:00.000+0800\"}"));
  }

  @ParameterizedTest
  @MethodSource("roundTripInputs")
  void readThenWriteThenReadGivesTheSameEvent(String json) {
    EventJsonReader reader = readerAt("2026-11-28T04:18:55.286Z");
    Event first = reader.read(json);

    String written = EventJsonWriter.toJson(first);
    Event second = reader.read(written);

    assertThat(second).isEqualTo(first);
    assertThat(EventJsonWriter.toJson(second)).isEqualTo(written);
    assertThat(EventTimes.format(second.eventTime())).isEqualTo(EventTimes.format(first.eventTime()));
  }
}
