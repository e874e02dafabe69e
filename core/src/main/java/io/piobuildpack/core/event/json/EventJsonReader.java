package io.piobuildpack.core.event.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventFormatException;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.EventTimeFormatException;
import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.event.EventValidator;
import io.piobuildpack.core.event.InvalidEventException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Reads one event in PredictionIO's Event API JSON format, as {@code EventJson4sSupport.readJson} does, and
 * validates it: fields are extracted in PredictionIO's order and the first failure is reported.
 *
 * <p>Integers and other numbers are accepted where a string is expected (converted to their decimal text, or
 * Java's {@code Double.toString}); {@code tags}, {@code creationTime} and unknown fields are ignored; a
 * duplicate key takes its last value. Unlike PredictionIO (json4s), input must be standard JSON: missing or
 * trailing commas are rejected.
 */
public final class EventJsonReader {

  private static final String DATA_MAP = "org.apache.predictionio.data.storage.DataMapException: ";
  private static final String MAPPING = "org.json4s.package$MappingException: ";
  private static final String EVENT_CLASS = "class org.apache.predictionio.data.storage.Event";
  private static final int MAX_QUOTED_VALUE = 80;

  private final Clock clock;

  public EventJsonReader(Clock clock) {
    this.clock = clock;
  }

  /** A reader on the system clock (UTC). */
  public static EventJsonReader standard() {
    return new EventJsonReader(Clock.systemUTC());
  }

  /**
   * Reads and validates one event.
   *
   * @throws InvalidEventException naming the field at fault
   */
  public Event read(String json) {
    JsonNode node;
    try {
      node = JsonMapper.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw notJson(e, json.indexOf('\n') >= 0);
    }
    return read(node);
  }

  /** Reads and validates one event from UTF-8 bytes. */
  public Event read(byte[] utf8Json) {
    JsonNode node;
    try {
      node = JsonMapper.MAPPER.readTree(utf8Json);
    } catch (JsonProcessingException e) {
      throw notJson(e, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return read(node);
  }

  Event read(JsonNode node) {
    if (node == null || !node.isObject()) {
      String ast = Json4sAst.describe(node);
      String kind = node == null || node.isMissingNode() ? "nothing" : describeKind(node);
      throw new EventFormatException(null, null, "expected a JSON object but got " + kind,
          "Can't convert " + ast + " to " + EVENT_CLASS);
    }
    String event = requiredString(node, "event");
    String eventId = optionalString(node, "eventId");
    String entityType = requiredString(node, "entityType");
    String entityId = requiredString(node, "entityId");
    String targetEntityType = optionalString(node, "targetEntityType");
    String targetEntityId = optionalString(node, "targetEntityId");
    EventProperties properties = properties(node);
    ZonedDateTime creationTime = EventTimes.now(clock);
    ZonedDateTime eventTime = eventTime(node, creationTime);
    String prId = optionalString(node, "prId");
    Event result = new Event(eventId, event, entityType, entityId, targetEntityType, targetEntityId, properties,
        eventTime, null, prId, creationTime);
    EventValidator.validate(result);
    return result;
  }

  private static String requiredString(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null) {
      throw new EventFormatException(field, null, "field is required",
          DATA_MAP + "The field " + field + " is required.");
    }
    if (value.isNull()) {
      throw new EventFormatException(field, "null", "field must not be null",
          DATA_MAP + "The required field " + field + " cannot be null.");
    }
    return asString(field, value);
  }

  private static String optionalString(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? null : asString(field, value);
  }

  private static String asString(String field, JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      return Double.toString(value.doubleValue());
    }
    String shown = quoted(value.toString());
    throw new EventFormatException(field, shown, "expected a string but got " + describeKind(value) + " " + shown,
        MAPPING + "Do not know how to convert " + Json4sAst.describe(value) + " into class java.lang.String");
  }

  private static EventProperties properties(JsonNode object) {
    JsonNode value = object.get("properties");
    if (value == null || value.isNull()) {
      return EventProperties.EMPTY;
    }
    if (!value.isObject()) {
      String shown = quoted(value.toString());
      throw new EventFormatException("properties", shown,
          "expected a JSON object but got " + describeKind(value) + " " + shown,
          MAPPING + "Expected object but got " + Json4sAst.describe(value));
    }
    return EventProperties.of(JsonValues.toMap(value));
  }

  private static ZonedDateTime eventTime(JsonNode object, ZonedDateTime now) {
    String raw = optionalString(object, "eventTime");
    if (raw == null) {
      return now;
    }
    try {
      return EventTimes.parse(raw);
    } catch (EventTimeFormatException e) {
      throw new EventFormatException("eventTime", raw,
          "invalid date-time " + quoted("\"" + raw + "\"") + " (" + e.getMessage()
              + "); expected ISO 8601 with a zone, e.g. 2017-04-14T18:12:20.000Z",
          MAPPING + "Fail to extract eventTime " + raw);
    }
  }

  /** @param withLine true for a request body (may span lines), false for one line of a batch file */
  private static EventFormatException notJson(JsonProcessingException e, boolean withLine) {
    String reason = JsonSyntax.describe(e, withLine);
    // json4s parses input cut off between tokens (e.g. {"event":"$set",) as nothing, hence PredictionIO's text
    return new EventFormatException(null, null, reason,
        cutBetweenTokens(e) ? "Can't convert JNothing to " + EVENT_CLASS : reason);
  }

  /** Input that ends where a token may start: Jackson reports it as EOF outside a token or between entries. */
  private static boolean cutBetweenTokens(JsonProcessingException e) {
    if (e instanceof JsonEOFException eof) {
      return eof.getTokenBeingDecoded() == null;
    }
    String message = e.getOriginalMessage();
    return message != null && message.startsWith("Unexpected end-of-input within/between ");
  }

  private static String describeKind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isTextual()) {
      return "a string";
    }
    return "null";
  }

  private static String quoted(String text) {
    return text.length() <= MAX_QUOTED_VALUE ? text : text.substring(0, MAX_QUOTED_VALUE) + "...";
  }
}
