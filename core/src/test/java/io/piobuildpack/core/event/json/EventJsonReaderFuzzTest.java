package io.piobuildpack.core.event.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventValidationException;
import io.piobuildpack.core.event.EventValidator;
import io.piobuildpack.core.event.InvalidEventException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based checks of {@link EventJsonReader}: whatever the input, it returns a valid event or throws an
 * {@link InvalidEventException} (never another exception), and what it returns survives a write/read round trip.
 */
class EventJsonReaderFuzzTest {

  private static final EventJsonReader READER =
      new EventJsonReader(Clock.fixed(Instant.parse("2026-11-28T04:18:55.286Z"), ZoneOffset.UTC));

  private static final List<String> KEYS = List.of("event", "entityType", "entityId", "targetEntityType",
      "targetEntityId", "properties", "eventTime", "prId", "eventId", "tags", "creationTime", "appId");

  private static final List<String> INTERESTING_STRINGS = List.of("view", "rate", "$set", "$unset", "$delete",
      "$foo", "$", "pio_pr", "pio_x", "", " ", "user", "item", "u1", "view", "user", "item", "i1", "2004-12-13T21:39:45.618Z",
      "2014-09-09T16:17:42+08:00", "2004-12-13T21:39:45.618+19:00", "2004-12-13T21:39:45.618+24:00",
      "2004-13-13T21:39:45Z", "-292275055-01-01T00:00:00Z", "yesterday", "\u0000", "\uD800", "ü€\uD83D\uDE00");

  private static final List<String> VALID_TIMES = List.of("2004-12-13T21:39:45.618Z", "2004-12-13T21:39:45.618z",
      "2014-09-09T16:17:42+08:00", "2004-12-13T21:39:45.618-07:00", "2004-12-13T21:39:45.618+0200",
      "2004-12-13T21:39:45.618+02", "2004-12-13T21:39:45.123456789-00:00", "2004-12-13T21:39:45.6+02:00:30",
      "-0001-01-01T00:00:00Z", "292278993-12-31T23:59:59.999+18:00");

  private static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", ",", ":", " ", "\n", "\"",
      "\"event\":", "\"entityType\":", "\"entityId\":", "\"targetEntityType\":", "\"targetEntityId\":",
      "\"properties\":", "\"eventTime\":", "\"prId\":", "\"eventId\":", "\"tags\":", "\"view\"", "\"$set\"",
      "\"$unset\"", "\"pio_x\"", "\"pio_pr\"", "\"u1\"", "\"\"", "\"2004-12-13T21:39:45.618Z\"",
      "\"2004-12-13T21:39:45.618+23:00\"", "\"yesterday\"", "1", "-1", "1.5", "1e400", "-0", "1e", "01",
      "123456789012345678901234567890", "true", "false", "null", "NaN", "tru", "\"abc", "\\", "\\u00", "\\ud800",
      "/*", "//", "'", "{}", "[]", "{\"pio_a\":1}", "{\"a\":null}", "\u0000", "\u00fc", "\uFEFF");

  // ---------------------------------------------------------------- never another exception

  @Property(tries = 1500)
  void readOfArbitraryStringReturnsEventOrThrowsInvalidEvent(@ForAll String input) {
    readOrReject(input);
  }

  @Property(tries = 500)
  void readOfArbitraryBytesReturnsEventOrThrowsInvalidEvent(@ForAll byte[] input) {
    readOrReject(input);
  }

  @Property(tries = 1500)
  void readOfJsonLikeFragmentsReturnsEventOrThrowsInvalidEvent(@ForAll("jsonLike") String input) {
    readOrReject(input);
    readOrReject(input.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> jsonLike() {
    Arbitrary<String> fragments = Arbitraries.of(FRAGMENTS).list().ofMaxSize(24).map(parts -> String.join("", parts));
    // mostly objects, so that the field extraction is reached
    return Arbitraries.frequencyOf(
        Tuple.of(1, fragments),
        Tuple.of(3, fragments.map(body -> "{" + body + "}")));
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void readOfArbitraryObjectReturnsValidEventOrThrowsInvalidEvent(@ForAll("eventObjects") String json) {
    Statistics.collect(readValidateAndRoundTrip(json));
    Statistics.coverage(checker -> checker.check("rejected: format").percentage(p -> p > 50));
  }

  @Provide
  Arbitrary<String> eventObjects() {
    Arbitrary<String> key = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.of(KEYS)),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(6)));
    Arbitrary<String> field = Combinators.combine(key, value(1)).as((k, v) -> quote(k) + ":" + v);
    return field.list().ofMaxSize(10).map(fields -> "{" + String.join(",", fields) + "}");
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void readOfWellTypedObjectReturnsValidEventOrThrowsInvalidEvent(@ForAll("wellTypedObjects") String json) {
    Statistics.collect(readValidateAndRoundTrip(json));
    Statistics.coverage(checker -> {
      checker.check("accepted").percentage(p -> p > 10);
      checker.check("rejected: validation").percentage(p -> p > 10);
      checker.check("rejected: format").percentage(p -> p > 5);
    });
  }

  /** Reads; an accepted event must be valid and survive write/read; returns the outcome for statistics. */
  private static String readValidateAndRoundTrip(String json) {
    Event event;
    try {
      event = READER.read(json);
    } catch (InvalidEventException e) {
      assertRejection(e);
      return e instanceof EventValidationException ? "rejected: validation" : "rejected: format";
    }
    assertValidAndRoundTrips(event);
    return "accepted";
  }

  /** Required fields present as strings or numbers, optional ones random: reaches validation often. */
  @Provide
  Arbitrary<String> wellTypedObjects() {
    Arbitrary<String> name = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(INTERESTING_STRINGS).map(EventJsonReaderFuzzTest::quote)),
        Tuple.of(2, Arbitraries.strings().ofMaxLength(8).map(EventJsonReaderFuzzTest::quote)),
        Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
        Tuple.of(1, Arbitraries.of("1.5", "1e3", "-0", "1e400")));
    Arbitrary<String> properties = Combinators.combine(
            Arbitraries.of("a", "b", "$x", "pio_y", "pio_pr", "", "ü").map(EventJsonReaderFuzzTest::quote),
            value(2))
        .as((k, v) -> k + ":" + v).list().ofMaxSize(4).map(f -> "{" + String.join(",", f) + "}");
    Arbitrary<String> optional = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just((String) null)),
        Tuple.of(3, name),
        Tuple.of(1, Arbitraries.just("null")),
        Tuple.of(1, value(1)));
    Arbitrary<String[]> target = Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(new String[2])),
        Tuple.of(4, Combinators.combine(name, name).as((type, id) -> new String[] {type, id})),
        Tuple.of(1, Combinators.combine(optional, optional).as((type, id) -> new String[] {type, id})));
    Arbitrary<String> time = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just((String) null)),
        Tuple.of(4, Arbitraries.of(VALID_TIMES).map(EventJsonReaderFuzzTest::quote)),
        Tuple.of(1, Arbitraries.of(INTERESTING_STRINGS).map(EventJsonReaderFuzzTest::quote)),
        Tuple.of(1, value(1)));
    Arbitrary<String> props = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just((String) null)),
        Tuple.of(8, properties),
        Tuple.of(1, value(1)));
    return Combinators.combine(name, name, name, target, props, time, optional)
        .as((event, entityType, entityId, targetEntity, p, eventTime, prId) -> {
          List<String> fields = new ArrayList<>();
          fields.add("\"event\":" + event);
          fields.add("\"entityType\":" + entityType);
          fields.add("\"entityId\":" + entityId);
          addIfPresent(fields, "targetEntityType", targetEntity[0]);
          addIfPresent(fields, "targetEntityId", targetEntity[1]);
          addIfPresent(fields, "properties", p);
          addIfPresent(fields, "eventTime", eventTime);
          addIfPresent(fields, "prId", prId);
          return "{" + String.join(",", fields) + "}";
        });
  }

  private static void addIfPresent(List<String> fields, String key, String rawValue) {
    if (rawValue != null) {
      fields.add(quote(key) + ":" + rawValue);
    }
  }

  /** A random JSON value (as text) nested up to {@code depth} levels. */
  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> leaf = Arbitraries.oneOf(List.of(
        Arbitraries.strings().ofMaxLength(12).map(EventJsonReaderFuzzTest::quote),
        Arbitraries.of(INTERESTING_STRINGS).map(EventJsonReaderFuzzTest::quote),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
            new java.math.BigInteger("1" + "0".repeat(40))).map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.of("true", "false", "null", "1e400", "-1e400", "-0", "-0.0", "1E3", "0.1", "4.56",
            "1e-400")));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> array = value(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> object = Combinators.combine(Arbitraries.strings().ofMaxLength(5), value(depth - 1))
        .as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}");
    return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, array), Tuple.of(1, object));
  }

  // ---------------------------------------------------------------- helpers

  private static Optional<Event> readOrReject(String input) {
    try {
      return Optional.of(READER.read(input));
    } catch (InvalidEventException e) {
      assertRejection(e);
      return Optional.empty();
    }
  }

  private static Optional<Event> readOrReject(byte[] input) {
    try {
      return Optional.of(READER.read(input));
    } catch (InvalidEventException e) {
      assertRejection(e);
      return Optional.empty();
    }
  }

  private static void assertRejection(InvalidEventException e) {
    assertThat(e.reason()).isNotBlank();
    assertThat(e.pioMessage()).isNotBlank();
    assertThat(e.describe()).isNotBlank();
  }

  private static void assertValidAndRoundTrips(Event event) {
    assertThatCode(() -> EventValidator.validate(event)).doesNotThrowAnyException();
    if (hasNonFiniteNumber(event.properties().asMap().values())) {
      // 1e400 reads as an infinite double, which JSON cannot represent as a number; see the report
      return;
    }
    String written = EventJsonWriter.toJson(event);
    assertThat(READER.read(written)).isEqualTo(event);
  }

  private static boolean hasNonFiniteNumber(Iterable<?> values) {
    for (Object value : values) {
      if (value instanceof Double d && !Double.isFinite(d)) {
        return true;
      }
      if (value instanceof java.util.Map<?, ?> map && hasNonFiniteNumber(map.values())) {
        return true;
      }
      if (value instanceof List<?> list && hasNonFiniteNumber(list)) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String text) {
    try {
      return JsonMapper.MAPPER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
