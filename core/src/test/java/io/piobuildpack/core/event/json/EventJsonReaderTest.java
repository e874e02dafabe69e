package io.piobuildpack.core.event.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventFormatException;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.event.EventValidationException;
import io.piobuildpack.core.event.InvalidEventException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §2.1 (fields, defaults, coercion, nulls) and §3.2 (user-visible messages) for {@link EventJsonReader}. */
class EventJsonReaderTest {

  private static final String DATA_MAP = "org.apache.predictionio.data.storage.DataMapException: ";
  private static final String MAPPING = "org.json4s.package$MappingException: ";
  private static final String REQUIREMENT = "java.lang.IllegalArgumentException: requirement failed: ";
  private static final String CANT_CONVERT_NOTHING =
      "Can't convert JNothing to class org.apache.predictionio.data.storage.Event";

  private static final Instant NOW_INSTANT = Instant.parse("2026-11-28T04:18:55.286Z");
  private static final ZonedDateTime NOW = ZonedDateTime.ofInstant(NOW_INSTANT, ZoneOffset.UTC);
  private static final Clock CLOCK = Clock.fixed(NOW_INSTANT, ZoneOffset.UTC);

  private final EventJsonReader reader = new EventJsonReader(CLOCK);

  /** {@code {"k":raw,...}} from alternating names and raw JSON values. */
  static String obj(String... namesAndRawValues) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < namesAndRawValues.length; i += 2) {
      out.append(i == 0 ? "" : ",").append('"').append(namesAndRawValues[i]).append("\":")
          .append(namesAndRawValues[i + 1]);
    }
    return out.append('}').toString();
  }

  static String str(String value) {
    return '"' + value + '"';
  }

  /** A valid view event's fields (with a target) with the given fields replaced or added, order kept. */
  static String viewWith(String... overrides) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("event", str("view"));
    fields.put("entityType", str("user"));
    fields.put("entityId", str("u1"));
    fields.put("targetEntityType", str("item"));
    fields.put("targetEntityId", str("i1"));
    for (int i = 0; i < overrides.length; i += 2) {
      fields.put(overrides[i], overrides[i + 1]);
    }
    List<String> flat = new ArrayList<>();
    fields.forEach((k, v) -> {
      flat.add(k);
      flat.add(v);
    });
    return obj(flat.toArray(String[]::new));
  }

  private EventFormatException formatError(String json) {
    EventFormatException e = catchThrowableOfType(EventFormatException.class, () -> reader.read(json));
    assertThat(e).as("expected an EventFormatException for %s", json).isNotNull();
    return e;
  }

  private EventValidationException validationError(String json) {
    EventValidationException e = catchThrowableOfType(EventValidationException.class, () -> reader.read(json));
    assertThat(e).as("expected an EventValidationException for %s", json).isNotNull();
    return e;
  }

  // ---------------------------------------------------------------- accepted input, defaults

  @Test
  void readMinimalEventFillsDefaults() {
    Event e = reader.read("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}");

    assertThat(e.eventId()).isNull();
    assertThat(e.event()).isEqualTo("view");
    assertThat(e.entityType()).isEqualTo("user");
    assertThat(e.entityId()).isEqualTo("u1");
    assertThat(e.targetEntityType()).isNull();
    assertThat(e.targetEntityId()).isNull();
    assertThat(e.properties()).isEqualTo(EventProperties.EMPTY);
    assertThat(e.tags()).isEmpty();
    assertThat(e.prId()).isNull();
    assertThat(e.creationTime()).isEqualTo(NOW);
    assertThat(e.eventTime()).isEqualTo(NOW);
  }

  @Test
  void readWhenEventTimeAbsentUsesCreationTimeInUtc() {
    Clock tokyo = Clock.fixed(Instant.parse("2026-11-28T04:18:55.286987Z"), ZoneId.of("Asia/Tokyo"));

    Event e = new EventJsonReader(tokyo).read(viewWith());

    assertThat(e.eventTime()).isEqualTo(e.creationTime());
    assertThat(e.eventTime().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(EventTimes.format(e.eventTime())).isEqualTo("2026-11-28T04:18:55.286Z");
    assertThat(EventTimes.format(e.creationTime())).isEqualTo("2026-11-28T04:18:55.286Z");
  }

  @Test
  void readWhenEventTimeGivenKeepsItsOffsetAndSetsCreationTimeToNow() {
    Event e = reader.read(viewWith("eventTime", str("2004-12-13T21:39:45.618-07:00")));

    assertThat(EventTimes.format(e.eventTime())).isEqualTo("2004-12-13T21:39:45.618-07:00");
    assertThat(e.creationTime()).isEqualTo(NOW);
  }

  @Test
  void readFullEventKeepsEveryField() {
    Event e = reader.read(obj("eventId", str("myOwnId123"), "event", str("rate"), "entityType", str("user"),
        "entityId", str("u1"), "targetEntityType", str("item"), "targetEntityId", str("i3"),
        "properties", "{\"rating\":4,\"note\":\"ok\"}", "eventTime", str("2024-01-02T12:00:00.000+08:00"),
        "prId", str("pr1")));

    assertThat(e.eventId()).isEqualTo("myOwnId123");
    assertThat(e.event()).isEqualTo("rate");
    assertThat(e.entityType()).isEqualTo("user");
    assertThat(e.entityId()).isEqualTo("u1");
    assertThat(e.targetEntityType()).isEqualTo("item");
    assertThat(e.targetEntityId()).isEqualTo("i3");
    assertThat(e.properties()).isEqualTo(EventProperties.of("rating", 4L, "note", "ok"));
    assertThat(e.eventTime()).isEqualTo(ZonedDateTime.of(2024, 1, 2, 12, 0, 0, 0, ZoneOffset.ofHours(8)));
    assertThat(e.prId()).isEqualTo("pr1");
    assertThat(e.creationTime()).isEqualTo(NOW);
  }

  @Test
  void readKeepsClientEventIdAsPredictionIo014Does() {
    assertThat(reader.read(viewWith("eventId", str("myOwnId123"))).eventId()).isEqualTo("myOwnId123");
    assertThat(reader.read(viewWith("eventId", str(""))).eventId()).isEmpty();
  }

  @Test
  void readIgnoresTagsAndCreationTimeFromClient() {
    Event e = reader.read(viewWith("tags", "[\"t1\",\"t2\"]", "creationTime", str("2001-01-01T00:00:00.000Z")));

    assertThat(e.tags()).isEmpty();
    assertThat(e.creationTime()).isEqualTo(NOW);
  }

  @Test
  void readIgnoresTagsAndCreationTimeEvenWhenMalformed() {
    assertThatCode(() -> reader.read(viewWith("tags", "true", "creationTime", "[1]"))).doesNotThrowAnyException();
    assertThatCode(() -> reader.read(viewWith("creationTime", str("yesterday")))).doesNotThrowAnyException();
  }

  @Test
  void readIgnoresUnknownFields() {
    Event e = reader.read(viewWith("appId", "7", "channel", "{\"x\":[1,2]}", "accessKey", "null", "", "\"\""));

    assertThat(e).isEqualTo(reader.read(viewWith()));
  }

  @Test
  void readWhenKeyDuplicatedTakesLastValue() {
    Event e = reader.read("{\"event\":\"buy\",\"entityType\":\"user\",\"entityId\":\"u1\",\"event\":\"view\","
        + "\"properties\":{\"a\":1,\"a\":2},\"properties\":{\"b\":1,\"b\":[3]},"
        + "\"eventTime\":\"yesterday\",\"eventTime\":\"2024-01-02T03:04:05.678Z\"}");

    assertThat(e.event()).isEqualTo("view");
    assertThat(e.properties()).isEqualTo(EventProperties.of("b", List.of(3L)));
    assertThat(EventTimes.format(e.eventTime())).isEqualTo("2024-01-02T03:04:05.678Z");
  }

  @Test
  void readWhenDuplicateKeyLastValueIsBadReportsIt() {
    assertThat(formatError("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\",\"entityId\":null}")
        .pioMessage()).isEqualTo(DATA_MAP + "The required field entityId cannot be null.");
  }

  @Test
  void readKeepsEmptyStringsAsPresentValues() {
    EventValidationException e = validationError(viewWith("targetEntityType", str("")));

    assertThat(e.pioMessage()).isEqualTo(REQUIREMENT + "targetEntityType must not be empty string");
  }

  @Test
  void readKeepsPropertyValuesOfEveryJsonType() {
    Event e = reader.read(viewWith("properties", "{\"s\":\"x\",\"i\":42,\"neg\":-7,\"big\":123456789012345678901234567890,"
        + "\"d\":4.56,\"whole\":3.0,\"exp\":1e10,\"t\":true,\"f\":false,\"n\":null,\"arr\":[1,\"a\",null,[]],"
        + "\"obj\":{\"p\":[1,2,{\"q\":null}]},\"empty\":{},\"u\":\"\\u00fc\\n\\\"\"}"));

    Map<String, Object> p = e.properties().asMap();
    assertThat(p).containsEntry("s", "x").containsEntry("i", 42L).containsEntry("neg", -7L)
        .containsEntry("big", new BigInteger("123456789012345678901234567890"))
        .containsEntry("d", 4.56).containsEntry("whole", 3.0).containsEntry("exp", 1.0E10)
        .containsEntry("t", true).containsEntry("f", false).containsEntry("n", null)
        .containsEntry("arr", Arrays.asList(1L, "a", null, List.of()))
        .containsEntry("obj", Map.of("p", Arrays.asList(1L, 2L, singletonNullMap("q"))))
        .containsEntry("empty", Map.of())
        .containsEntry("u", "ü\n\"");
    assertThat(e.properties().contains("n")).isTrue();
    assertThat(e.properties().keys()).containsExactly("s", "i", "neg", "big", "d", "whole", "exp", "t", "f", "n",
        "arr", "obj", "empty", "u");
  }

  private static Map<String, Object> singletonNullMap(String key) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, null);
    return map;
  }

  @Test
  void readAcceptsUnicodeAndEscapesInStringFields() {
    Event e = reader.read(obj("event", str("v\\u0069ew"), "entityType", str("üser"), "entityId", str("a\\\"b\\\\c\\/d"),
        "prId", str("\\ud83d\\ude00")));

    assertThat(e.event()).isEqualTo("view");
    assertThat(e.entityType()).isEqualTo("üser");
    assertThat(e.entityId()).isEqualTo("a\"b\\c/d");
    assertThat(e.prId()).isEqualTo("\uD83D\uDE00");
  }

  @Test
  void readAcceptsWhitespaceAroundAndInsideTheObject() {
    Event e = reader.read(" \n\t{ \"event\" : \"view\" ,\r\n \"entityType\":\"user\", \"entityId\" :\"u1\" }\n ");

    assertThat(e.event()).isEqualTo("view");
  }

  @Test
  void readOfUtf8BytesEqualsReadOfString() {
    String json = viewWith("entityId", str("üser-€-\uD83D\uDE00"), "properties", "{\"ä\":\"ö\"}");

    assertThat(reader.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(reader.read(json));
    assertThat(reader.read(json.getBytes(StandardCharsets.UTF_8)).entityId()).isEqualTo("üser-€-\uD83D\uDE00");
  }

  @Test
  void readOfBytesReportsTheSameErrorsAsReadOfString() {
    String json = obj("event", str("view"), "entityType", str("user"));

    EventFormatException e = catchThrowableOfType(EventFormatException.class,
        () -> reader.read(json.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.pioMessage()).isEqualTo(DATA_MAP + "The field entityId is required.");
  }

  @Test
  void readOfInvalidUtf8IsAFormatError() {
    byte[] bytes = {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    EventFormatException e = catchThrowableOfType(EventFormatException.class, () -> reader.read(bytes));

    assertThat(e).isNotNull();
    assertThat(e.field()).isNull();
  }

  @Test
  void readAcceptsLargePropertyValues() {
    String big = "x".repeat(10 * 1024 * 1024);

    Event e = reader.read(viewWith("properties", "{\"blob\":\"" + big + "\"}"));

    assertThat((String) e.properties().get("blob")).hasSize(big.length());
  }

  // ---------------------------------------------------------------- required fields, nulls

  @ParameterizedTest
  @ValueSource(strings = {"event", "entityType", "entityId"})
  void readWhenRequiredFieldMissingReportsFieldIsRequired(String field) {
    Map<String, String> fields = new LinkedHashMap<>(Map.of("event", str("view"), "entityType", str("user"),
        "entityId", str("u1")));
    fields.remove(field);
    String json = obj(fields.entrySet().stream().flatMap(en -> Stream.of(en.getKey(), en.getValue()))
        .toArray(String[]::new));

    EventFormatException e = formatError(json);

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.value()).isNull();
    assertThat(e.reason()).isEqualTo("field is required");
    assertThat(e.pioMessage()).isEqualTo(DATA_MAP + "The field " + field + " is required.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"event", "entityType", "entityId"})
  void readWhenRequiredFieldIsNullReportsItCannotBeNull(String field) {
    EventFormatException e = formatError(viewWith(field, "null"));

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.value()).isEqualTo("null");
    assertThat(e.reason()).isEqualTo("field must not be null");
    assertThat(e.pioMessage()).isEqualTo(DATA_MAP + "The required field " + field + " cannot be null.");
  }

  @Test
  void readTreatsNullOptionalFieldsAsAbsent() {
    Event e = reader.read(obj("eventId", "null", "event", str("view"), "entityType", str("user"), "entityId",
        str("u1"), "targetEntityType", "null", "targetEntityId", "null", "properties", "null", "eventTime", "null",
        "prId", "null", "tags", "null", "creationTime", "null"));

    assertThat(e).isEqualTo(reader.read(obj("event", str("view"), "entityType", str("user"), "entityId",
        str("u1"))));
    assertThat(e.eventId()).isNull();
    assertThat(e.targetEntityType()).isNull();
    assertThat(e.targetEntityId()).isNull();
    assertThat(e.properties().isEmpty()).isTrue();
    assertThat(e.eventTime()).isEqualTo(NOW);
    assertThat(e.prId()).isNull();
  }

  @Test
  void readWhenOnlyOneTargetFieldIsNullReportsTheyGoTogether() {
    EventValidationException e = validationError(viewWith("targetEntityId", "null"));

    assertThat(e.pioMessage())
        .isEqualTo(REQUIREMENT + "targetEntityType and targetEntityId must be specified together.");
  }

  @Test
  void readOfUnsetWithNullPropertiesReportsPropertiesCannotBeEmpty() {
    EventValidationException e = validationError(obj("event", str("$unset"), "entityType", str("user"),
        "entityId", str("u1"), "properties", "null"));

    assertThat(e.pioMessage()).isEqualTo(REQUIREMENT + "properties cannot be empty for $unset event");
  }

  // ---------------------------------------------------------------- type coercion of string fields

  static Stream<Arguments> numbersForStringFields() {
    List<String[]> numbers = List.of(
        new String[] {"5", "5"},
        new String[] {"-7", "-7"},
        new String[] {"0", "0"},
        new String[] {"-0", "0"},
        new String[] {"12345678901234567890123", "12345678901234567890123"},
        new String[] {"1.5", "1.5"},
        new String[] {"1e3", "1000.0"},
        new String[] {"1E3", "1000.0"},
        new String[] {"1.0", "1.0"},
        new String[] {"0.1", "0.1"},
        new String[] {"1e10", "1.0E10"},
        new String[] {"-2.5e-7", "-2.5E-7"},
        new String[] {"0.1234567890123456789", "0.12345678901234568"});
    List<String> fields = List.of("event", "eventId", "entityType", "entityId", "targetEntityType",
        "targetEntityId", "prId");
    return fields.stream().flatMap(field -> numbers.stream().map(n -> arguments(field, n[0], n[1])));
  }

  @ParameterizedTest(name = "{0}: {1} -> \"{2}\"")
  @MethodSource("numbersForStringFields")
  void readConvertsNumbersGivenForStringFieldsToText(String field, String number, String text) {
    Event e = reader.read(viewWith(field, number));

    String actual = switch (field) {
      case "event" -> e.event();
      case "eventId" -> e.eventId();
      case "entityType" -> e.entityType();
      case "entityId" -> e.entityId();
      case "targetEntityType" -> e.targetEntityType();
      case "targetEntityId" -> e.targetEntityId();
      case "prId" -> e.prId();
      default -> throw new IllegalArgumentException(field);
    };
    assertThat(actual).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "1.5", "1e3", "20240102"})
  void readWhenEventTimeIsANumberConvertsItToTextThenFailsToParseIt(String number) {
    String asText = reader.read(viewWith("entityId", number)).entityId();

    EventFormatException e = formatError(viewWith("eventTime", number));

    assertThat(e.field()).isEqualTo("eventTime");
    assertThat(e.pioMessage()).isEqualTo(MAPPING + "Fail to extract eventTime " + asText);
  }

  static Stream<Arguments> wrongTypesForStringFields() {
    List<String[]> values = List.of(
        new String[] {"true", "JBool(true)"},
        new String[] {"false", "JBool(false)"},
        new String[] {"[]", "JArray(List())"},
        new String[] {"[1,\"a\"]", "JArray(List(JInt(1), JString(a)))"},
        new String[] {"[1.5,null,true]", "JArray(List(JDouble(1.5), JNull, JBool(true)))"},
        new String[] {"{}", "JObject(List())"},
        new String[] {"{\"a\":1}", "JObject(List((a,JInt(1))))"},
        new String[] {"{\"a\":{\"b\":[\"c\"]},\"d\":null}",
            "JObject(List((a,JObject(List((b,JArray(List(JString(c))))))), (d,JNull)))"});
    List<String> fields = List.of("event", "eventId", "entityType", "entityId", "targetEntityType",
        "targetEntityId", "eventTime", "prId");
    return fields.stream().flatMap(field -> values.stream().map(v -> arguments(field, v[0], v[1])));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("wrongTypesForStringFields")
  void readWhenStringFieldHasWrongJsonTypeReportsJson4sConversionError(String field, String value, String ast) {
    EventFormatException e = formatError(viewWith(field, value));

    assertThat(e.field()).isEqualTo(field);
    assertThat(e.pioMessage()).isEqualTo(MAPPING + "Do not know how to convert " + ast + " into class java.lang.String");
    assertThat(e.value()).isNotNull();
  }

  @Test
  void readWhenStringFieldIsBooleanGivesPeopleAShortReason() {
    EventFormatException e = formatError(viewWith("targetEntityType", "true"));

    assertThat(e.value()).isEqualTo("true");
    assertThat(e.reason()).isEqualTo("expected a string but got a boolean true");
    assertThat(e.describe()).isEqualTo("targetEntityType: expected a string but got a boolean true");
  }

  // ---------------------------------------------------------------- properties

  static Stream<Arguments> propertiesNotAnObject() {
    return Stream.of(
        arguments("[1]", "JArray(List(JInt(1)))"),
        arguments("[]", "JArray(List())"),
        arguments("[{\"a\":1}]", "JArray(List(JObject(List((a,JInt(1))))))"),
        arguments("\"x\"", "JString(x)"),
        arguments("\"\"", "JString()"),
        arguments("5", "JInt(5)"),
        arguments("1.5", "JDouble(1.5)"),
        arguments("1e3", "JDouble(1000.0)"),
        arguments("true", "JBool(true)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("propertiesNotAnObject")
  void readWhenPropertiesIsNotAnObjectReportsExpectedObject(String value, String ast) {
    EventFormatException e = formatError(viewWith("properties", value));

    assertThat(e.field()).isEqualTo("properties");
    assertThat(e.pioMessage()).isEqualTo(MAPPING + "Expected object but got " + ast);
  }

  @Test
  void readRejectsReservedPropertyNamesAtTopLevelOnly() {
    EventValidationException e = validationError(viewWith("properties", "{\"ok\":{\"$nested\":1},\"pio_x\":1}"));

    assertThat(e.field()).isEqualTo("properties.pio_x");
    assertThat(e.pioMessage()).isEqualTo(REQUIREMENT + "The property pio_x is not allowed. 'pio_' is a reserved "
        + "name prefix.");
  }

  // ---------------------------------------------------------------- eventTime

  static Stream<Arguments> badEventTimes() {
    return Stream.of(
        arguments("yesterday", "yesterday"),
        arguments("", ""),
        arguments(" ", " "),
        arguments("2004-12-13T21:39:45.618", "2004-12-13T21:39:45.618"),
        arguments("2004-12-13", "2004-12-13"),
        arguments("2004-12-13 21:39:45.618Z", "2004-12-13 21:39:45.618Z"),
        arguments("2004-12-13T21:39:45.618+24:00", "2004-12-13T21:39:45.618+24:00"),
        arguments("2004-12-13T21:39:45.618+19:00", "2004-12-13T21:39:45.618+19:00"),
        arguments("2004-13-13T21:39:45Z", "2004-13-13T21:39:45Z"),
        arguments("\\u00fc", "ü"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("badEventTimes")
  void readWhenEventTimeUnparseableReportsFailToExtract(String jsonText, String raw) {
    EventFormatException e = formatError(viewWith("eventTime", str(jsonText)));

    assertThat(e.field()).isEqualTo("eventTime");
    assertThat(e.value()).isEqualTo(raw);
    assertThat(e.pioMessage()).isEqualTo(MAPPING + "Fail to extract eventTime " + raw);
  }

  @Test
  void readWhenEventTimeUnparseableExplainsWithJodaMessage() {
    EventFormatException e = formatError(viewWith("eventTime", str("yesterday")));

    assertThat(e.reason()).contains("Invalid format: \"yesterday\"").contains("2017-04-14T18:12:20.000Z");
  }

  @Test
  void readAcceptsEveryTimeFormatThatParseAccepts() {
    for (String time : List.of("2004-12-13T21:39:45.618Z", "2004-12-13T21:39:45.618z", "2014-09-09T16:17:42Z",
        "2004-12-13T21:39:45.618+0200", "2004-12-13T21:39:45.618+02", "2004-12-13T21:39:45.123456789-07:00")) {
      assertThat(reader.read(viewWith("eventTime", str(time))).eventTime()).as(time)
          .isEqualTo(EventTimes.parse(time));
    }
  }

  // ---------------------------------------------------------------- not an object

  static Stream<Arguments> notAnObject() {
    return Stream.of(
        arguments("", "JNothing"),
        arguments("   ", "JNothing"),
        arguments("\n\t\r\n", "JNothing"),
        arguments("[]", "JArray(List())"),
        arguments("[1]", "JArray(List(JInt(1)))"),
        arguments("[{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}]",
            "JArray(List(JObject(List((event,JString(view)), (entityType,JString(user)), (entityId,JString(u1))))))"),
        arguments("5", "JInt(5)"),
        arguments("1.5", "JDouble(1.5)"),
        arguments("\"x\"", "JString(x)"),
        arguments("true", "JBool(true)"),
        arguments("null", "JNull"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("notAnObject")
  void readWhenInputIsNotAnObjectReportsCantConvert(String json, String ast) {
    EventFormatException e = formatError(json);

    assertThat(e.field()).isNull();
    assertThat(e.pioMessage()).isEqualTo("Can't convert " + ast + " to class org.apache.predictionio.data.storage.Event");
  }

  @Test
  void readOfEmptyBytesReportsCantConvertNothing() {
    EventFormatException e = catchThrowableOfType(EventFormatException.class, () -> reader.read(new byte[0]));

    assertThat(e.pioMessage()).isEqualTo(CANT_CONVERT_NOTHING);
  }

  // ---------------------------------------------------------------- order of extraction

  static Stream<Arguments> severalProblems() {
    return Stream.of(
        arguments("event before entityType", obj("entityId", str("u1")), DATA_MAP + "The field event is required."),
        arguments("event before eventId", obj("eventId", "true", "entityType", str("user"), "entityId", str("u1")),
            DATA_MAP + "The field event is required."),
        arguments("eventId before entityType", obj("event", str("view"), "eventId", "true"),
            MAPPING + "Do not know how to convert JBool(true) into class java.lang.String"),
        arguments("entityType before entityId", obj("event", str("view")),
            DATA_MAP + "The field entityType is required."),
        arguments("null entityType before missing entityId", obj("event", str("view"), "entityType", "null"),
            DATA_MAP + "The required field entityType cannot be null."),
        arguments("null event before missing entityType", obj("event", "null"),
            DATA_MAP + "The required field event cannot be null."),
        arguments("entityId before targetEntityType", obj("event", str("view"), "entityType", str("user"),
                "targetEntityType", "true"),
            DATA_MAP + "The field entityId is required."),
        arguments("targetEntityType before targetEntityId", viewWith("targetEntityType", "true",
                "targetEntityId", "[1]"),
            MAPPING + "Do not know how to convert JBool(true) into class java.lang.String"),
        arguments("targetEntityId before properties", viewWith("targetEntityId", "[1]", "properties", "[2]"),
            MAPPING + "Do not know how to convert JArray(List(JInt(1))) into class java.lang.String"),
        arguments("properties before eventTime", viewWith("properties", "[2]", "eventTime", str("yesterday")),
            MAPPING + "Expected object but got JArray(List(JInt(2)))"),
        arguments("eventTime before prId", viewWith("eventTime", str("yesterday"), "prId", "true"),
            MAPPING + "Fail to extract eventTime yesterday"),
        arguments("extraction before validation: prId type and empty event", viewWith("event", str(""),
                "prId", "{}"),
            MAPPING + "Do not know how to convert JObject(List()) into class java.lang.String"),
        arguments("extraction before validation: missing entityId and empty event",
            obj("event", str(""), "entityType", str("")), DATA_MAP + "The field entityId is required."),
        arguments("extraction before validation: bad eventTime and reserved entityType",
            viewWith("entityType", str("pio_x"), "eventTime", str("yesterday")),
            MAPPING + "Fail to extract eventTime yesterday"),
        arguments("extraction before validation: bad properties on $unset",
            obj("event", str("$unset"), "entityType", str("user"), "entityId", str("u1"), "properties", "[]"),
            MAPPING + "Expected object but got JArray(List())"),
        arguments("validation order after extraction", viewWith("event", str("$set"), "entityType", str("pio_x"),
                "properties", "{\"pio_a\":1}"),
            REQUIREMENT + "Reserved event $set cannot have targetEntity"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("severalProblems")
  void readReportsFirstProblemInPredictionIoExtractionOrder(String name, String json, String pioMessage) {
    InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> reader.read(json));

    assertThat(e).as(name).isNotNull();
    assertThat(e.pioMessage()).as(name).isEqualTo(pioMessage);
  }

  // ---------------------------------------------------------------- validation through the reader

  @Test
  void readValidatesTheEventAndWrapsTheRuleMessageLikePredictionIo() {
    EventValidationException e = validationError(obj("event", str(""), "entityType", str("u"), "entityId", str("1")));

    assertThat(e.field()).isEqualTo("event");
    assertThat(e.pioMessage())
        .isEqualTo("java.lang.IllegalArgumentException: requirement failed: event must not be empty.");
  }

  @Test
  void readAcceptsFeedbackEventsOfEngineServers() {
    Event e = reader.read("{\"event\":\"predict\",\"entityType\":\"pio_pr\",\"entityId\":\"abc\","
        + "\"properties\":{\"engineInstanceId\":\"e1\",\"query\":{\"user\":\"u1\",\"num\":4},"
        + "\"prediction\":{\"itemScores\":[]}},\"eventTime\":\"2019-05-01T10:00:00.123+09:00\",\"prId\":\"abc\"}");

    assertThat(e.entityType()).isEqualTo("pio_pr");
    assertThat(e.prId()).isEqualTo("abc");
  }

  // ---------------------------------------------------------------- non-standard JSON (json4s leniency not copied)

  static Stream<Arguments> nonStandardJson() {
    return Stream.of(
        arguments("missing commas (json4s accepts)", "{\"event\":\"view\" \"entityType\":\"user\" \"entityId\":\"u1\"}"),
        arguments("trailing comma (json4s accepts)", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\",}"),
        arguments("double comma (json4s accepts)", "{\"event\":\"view\",,\"entityType\":\"user\",\"entityId\":\"u1\"}"),
        arguments("empty array slot (json4s accepts)", viewWith("properties", "{\"a\":[1,2,,3]}")),
        arguments("trailing comma in array", viewWith("properties", "{\"a\":[1,2,]}")),
        arguments("data/test.sh style payload without commas", "{\n  \"event\" : \"my_event\"\n"
            + "  \"entityType\" : \"user\"\n  \"entityId\" : \"uid\"\n}"),
        arguments("single quotes", "{'event':'view','entityType':'user','entityId':'u1'}"),
        arguments("unquoted names", "{event:\"view\",entityType:\"user\",entityId:\"u1\"}"),
        arguments("comment", "// c\n{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}"),
        arguments("NaN", viewWith("properties", "{\"a\":NaN}")),
        arguments("leading zero", viewWith("properties", "{\"a\":01}")),
        arguments("leading plus", viewWith("properties", "{\"a\":+1}")),
        arguments("raw control character in string", "{\"event\":\"vi\u0001ew\",\"entityType\":\"user\","
            + "\"entityId\":\"u1\"}"),
        arguments("bad escape", "{\"event\":\"vi\\qew\",\"entityType\":\"user\",\"entityId\":\"u1\"}"),
        arguments("trailing garbage", viewWith() + " x"),
        arguments("two objects", viewWith() + viewWith()),
        arguments("object then comma", viewWith() + ","),
        arguments("truncated keyword", "{\"event\":tru}"),
        arguments("cut inside a string", "{\"event\":\"$se"),
        arguments("cut inside a name", "{\"ev"),
        arguments("not JSON at all (#6)", "hello"));
  }

  @Test
  void aSyntaxErrorInAMultiLineBodyGivesItsLineAndColumn() {
    byte[] body = "{\n  \"event\": \"view\",\n  oops\n}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    EventFormatException e = catchThrowableOfType(EventFormatException.class, () -> reader.read(body));

    assertThat(e.reason()).startsWith("not valid JSON: ").endsWith(" (line 3, column 3)");
  }

  @Test
  void aSyntaxErrorOnOneLineOfABatchFileGivesTheColumnOnly() {
    EventFormatException e = formatError("{\"event\": oops}");

    assertThat(e.reason()).startsWith("not valid JSON: ").endsWith(" (column 11)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonStandardJson")
  void readRejectsNonStandardJson(String name, String json) {
    EventFormatException e = formatError(json);

    assertThat(e.field()).isNull();
    assertThat(e.value()).isNull();
    assertThat(e.reason()).startsWith("not valid JSON: ");
    assertThat(e.pioMessage()).isNotBlank();
  }

  static Stream<Arguments> cutBetweenTokens() {
    return Stream.of(
        arguments("{"),
        arguments("["),
        arguments("{\"event\":\"$set\""),
        arguments("{\"event\":\"$set\","),
        arguments("{\"event\""),
        arguments("{\"event\":"),
        arguments("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{\"a\":12"),
        arguments("[1,2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cutBetweenTokens")
  void readWhenInputCutOffBetweenTokensReportsCantConvertNothing(String json) {
    EventFormatException e = formatError(json);

    assertThat(e.field()).isNull();
    assertThat(e.pioMessage()).isEqualTo(CANT_CONVERT_NOTHING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"event\":\"$se", "{\"ev", "{\"event\":\"view\",\"entityType\":\"us"})
  void readWhenInputCutOffInsideAStringDoesNotClaimNothingWasParsed(String json) {
    // json4s reports "unexpected eof" here, not JNothing
    assertThat(formatError(json).pioMessage()).isNotEqualTo(CANT_CONVERT_NOTHING);
  }

  // ---------------------------------------------------------------- the 0.10 transcripts (400 bodies)

  static Stream<Arguments> transcriptRejections() {
    return Stream.of(
        arguments("#5 truncated body", "{\"event\":\"$set\",\"entityType\":\"user\",", CANT_CONVERT_NOTHING),
        arguments("#7 empty body", "", CANT_CONVERT_NOTHING),
        arguments("#8 missing entityId", "{\"event\":\"view\",\"entityType\":\"user\"}",
            DATA_MAP + "The field entityId is required."),
        arguments("#12 $unset with empty properties",
            "{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{}}",
            REQUIREMENT + "properties cannot be empty for $unset event"),
        arguments("#13 $unset without properties", "{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"u1\"}",
            REQUIREMENT + "properties cannot be empty for $unset event"),
        arguments("#14 unknown reserved event", "{\"event\":\"$foo\",\"entityType\":\"user\",\"entityId\":\"u1\"}",
            REQUIREMENT + "$foo is not a supported reserved event name."),
        arguments("#15 reserved entityType", "{\"event\":\"view\",\"entityType\":\"pio_x\",\"entityId\":\"u1\"}",
            REQUIREMENT + "The entityType pio_x is not allowed. 'pio_' is a reserved name prefix."),
        arguments("#16 targetEntityType without targetEntityId",
            "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\"}",
            REQUIREMENT + "targetEntityType and targetEntityId must be specified together."),
        arguments("#17 $set with target", "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\","
                + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\",\"properties\":{\"a\":1}}",
            REQUIREMENT + "Reserved event $set cannot have targetEntity"),
        arguments("#18 bad eventTime", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\","
                + "\"eventTime\":\"yesterday\"}",
            MAPPING + "Fail to extract eventTime yesterday"),
        arguments("#43 batch item 2", "{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"b1\","
                + "\"properties\":{}}",
            REQUIREMENT + "properties cannot be empty for $unset event"),
        arguments("#43 batch item 3", "{\"event\":\"buy\",\"entityType\":\"user\"}",
            DATA_MAP + "The field entityId is required."),
        arguments("import imp-bad.json line 2", "{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"imp2\","
                + "\"properties\":{}}",
            REQUIREMENT + "properties cannot be empty for $unset event"),
        arguments("node SDK createEvent($unset, {})", "{\"event\":\"$unset\",\"entityType\":\"user\","
                + "\"entityId\":\"node-u1\",\"properties\":{},\"appId\":7}",
            REQUIREMENT + "properties cannot be empty for $unset event"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transcriptRejections")
  void readRejectsTranscriptBodyWithTheSameMessage(String step, String body, String message) {
    InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> reader.read(body));

    assertThat(e).as(step).isNotNull();
    assertThat(e.pioMessage()).as(step).isEqualTo(message);
    // the server answers {"message": pioMessage}: check the JSON-escaped form of the transcript, too
    assertThat("{\"message\":\"" + e.pioMessage().replace("\"", "\\\"") + "\"}").as(step)
        .isEqualTo("{\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
  }

  @Test
  void readRejectsTranscriptBodyThatIsNotJson() {
    // #6: json4s answers "unknown token h\nNear: h"; a standard JSON parser gives its own text
    EventFormatException e = formatError("hello");

    assertThat(e.field()).isNull();
    assertThat(e.reason()).startsWith("not valid JSON");
  }

  static Stream<Arguments> transcriptAcceptances() {
    return Stream.of(
        arguments("#2 $set with eventTime", "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\","
            + "\"properties\":{\"a\":1,\"b\":\"x\"},\"eventTime\":\"2024-01-02T03:04:05.678Z\"}"),
        arguments("#3 rate with target", "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\","
            + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4}}"),
        arguments("#4 eventId, tags, prId, offset", "{\"eventId\":\"myOwnId123\",\"event\":\"view\","
            + "\"entityType\":\"user\",\"entityId\":\"u2\",\"targetEntityType\":\"item\",\"targetEntityId\":\"i9\","
            + "\"tags\":[\"t1\"],\"prId\":\"pr1\",\"eventTime\":\"2024-01-02T12:00:00.000+08:00\"}"),
        arguments("#20 buy", "{\"event\":\"buy\",\"entityType\":\"user\",\"entityId\":\"u1\"}"),
        arguments("#21 view", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u7\"}"),
        arguments("#43 batch item 1", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"b1\","
            + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\"}"),
        arguments("#43 batch item 4", "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"b2\","
            + "\"properties\":{\"x\":true}}"),
        arguments("#48 body as single event", "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\","
            + "\"properties\":{\"a\":1,\"b\":\"x\"},\"eventTime\":\"2024-01-02T03:04:05.678Z\"}"),
        arguments("import line 1", "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"imp1\","
            + "\"properties\":{\"a\":1},\"eventTime\":\"2024-03-04T05:06:07.890Z\"}"),
        arguments("import line 3", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"imp1\","
            + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\"}"),
        arguments("Java SDK $set user", "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"sdk-u1\","
            + "\"properties\":{\"plan\":\"gold\",\"age\":42},\"eventTime\":\"2024-05-06T07:08:09.123Z\"}"),
        arguments("Java SDK $set item", "{\"event\":\"$set\",\"entityType\":\"item\",\"entityId\":\"sdk-i1\","
            + "\"properties\":{\"categories\":[\"c1\",\"c2\"]},\"eventTime\":\"2026-11-28T04:19:05.867Z\"}"),
        arguments("Java SDK view", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"sdk-u1\","
            + "\"targetEntityType\":\"item\",\"targetEntityId\":\"sdk-i1\",\"properties\":{},"
            + "\"eventTime\":\"2026-11-28T04:19:05.942Z\"}"),
        arguments("Java SDK $unset", "{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"sdk-u1\","
            + "\"properties\":{\"plan\":\"\"},\"eventTime\":\"2026-11-28T04:19:06.077Z\"}"),
        arguments("Java SDK $delete", "{\"event\":\"$delete\",\"entityType\":\"user\",\"entityId\":\"sdk-u1\","
            + "\"properties\":{},\"eventTime\":\"2026-11-28T04:19:06.142Z\"}"),
        arguments("node SDK $set user", "{\"event\":\"$set\",\"entityType\":\"user\",\"properties\":"
            + "{\"plan\":\"silver\"},\"eventTime\":\"2024-05-06T07:08:09.123Z\",\"entityId\":\"node-u1\","
            + "\"appId\":7}"),
        arguments("node SDK $set item", "{\"properties\":{\"categories\":[\"c1\"]},\"event\":\"$set\","
            + "\"entityType\":\"item\",\"entityId\":\"node-i1\",\"appId\":7}"),
        arguments("node SDK view", "{\"entityType\":\"user\",\"targetEntityType\":\"item\",\"event\":\"view\","
            + "\"entityId\":\"node-u1\",\"targetEntityId\":\"node-i1\",\"appId\":7}"),
        arguments("node SDK $delete", "{\"event\":\"$delete\",\"entityType\":\"item\",\"entityId\":\"node-i1\","
            + "\"appId\":7}"),
        arguments("0.10 database row with numeric ids", "{\"event\":\"rate\",\"entityType\":\"user\","
            + "\"entityId\":5,\"targetEntityType\":\"item\",\"targetEntityId\":7}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transcriptAcceptances")
  void readAcceptsTranscriptBodyThatGot201(String step, String body) {
    assertThatCode(() -> reader.read(body)).as(step).doesNotThrowAnyException();
  }

  @Test
  void readOfTranscriptStep4KeepsOffsetPrIdAndDropsTags() {
    Event e = reader.read("{\"eventId\":\"myOwnId123\",\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u2\","
        + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i9\",\"tags\":[\"t1\"],\"prId\":\"pr1\","
        + "\"eventTime\":\"2024-01-02T12:00:00.000+08:00\"}");

    assertThat(EventTimes.format(e.eventTime())).isEqualTo("2024-01-02T12:00:00.000+08:00");
    assertThat(EventTimes.storedZoneId(e.eventTime())).isEqualTo("+08:00");
    assertThat(e.prId()).isEqualTo("pr1");
    assertThat(e.tags()).isEmpty();
    assertThat(e.eventId()).isEqualTo("myOwnId123");
  }

  @Test
  void readOfNumericIdsGivesTheirDecimalText() {
    Event e = reader.read("{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":5,\"targetEntityType\":\"item\","
        + "\"targetEntityId\":7}");

    assertThat(e.entityId()).isEqualTo("5");
    assertThat(e.targetEntityId()).isEqualTo("7");
  }

  @Test
  void standardReaderUsesTheSystemClockInUtc() {
    Instant before = Instant.now().minusMillis(1);

    Event e = EventJsonReader.standard().read(viewWith());

    assertThat(e.creationTime().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(e.creationTime().toInstant()).isBetween(before, Instant.now().plusMillis(1));
    assertThat(e.eventTime()).isEqualTo(e.creationTime());
  }
}
