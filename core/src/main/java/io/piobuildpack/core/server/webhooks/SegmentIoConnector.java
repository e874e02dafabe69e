package io.piobuildpack.core.server.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piobuildpack.core.event.json.JsonSyntax;

/**
 * PredictionIO's segment.io connector ({@code SegmentIOConnector}): a segment.io API v2 message becomes an event
 * named after its {@code type}, for entity {@code user}/({@code user_id} or else {@code anonymous_id}), at its
 * {@code timestamp}, with {@code context} (when present) and the type's own fields as properties.
 */
final class SegmentIoConnector implements JsonConnector {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String toEventJson(String payload) {
    ObjectNode data = parse(payload);
    if (!data.has("version")) {
      throw new ConnectorException("Failed to get segment.io API version.");
    }
    String type = requiredString(data, "type", "Cannot extract Common field from " + data + ".");
    String timestamp = requiredString(data, "timestamp", "Cannot extract Common field from " + data + ".");
    requiredString(data, "sent_at", "Cannot extract Common field from " + data + ".");
    ObjectNode properties = MAPPER.createObjectNode();
    if (data.hasNonNull("context")) {
      properties.set("context", data.get("context"));
    }
    String conversion = "Cannot convert " + data + " to event JSON.";
    switch (type) {
      case "identify" -> {
        requiredString(data, "user_id", conversion);
        copyIfPresent(data, "traits", properties);
      }
      case "track" -> {
        copyIfPresent(data, "properties", properties);
        properties.put("event", requiredString(data, "event", conversion));
      }
      case "alias" -> {
        requiredString(data, "user_id", conversion);
        properties.put("previous_id", requiredString(data, "previous_id", conversion));
      }
      case "page", "screen" -> {
        copyIfPresent(data, "name", properties);
        copyIfPresent(data, "properties", properties);
      }
      case "group" -> {
        properties.put("group_id", requiredString(data, "group_id", conversion));
        copyIfPresent(data, "traits", properties);
      }
      default -> throw new ConnectorException("Cannot convert unknown type " + type + " to event JSON.");
    }
    String userId = optionalString(data, "user_id");
    String entityId = userId != null ? userId : optionalString(data, "anonymous_id");
    if (entityId == null) {
      throw new ConnectorException("there was no `userId` or `anonymousId` in the common fields.");
    }
    ObjectNode event = MAPPER.createObjectNode();
    event.set("properties", properties);
    event.put("event", type);
    event.put("entityType", "user");
    event.put("entityId", entityId);
    event.put("eventTime", timestamp);
    return event.toString();
  }

  private static ObjectNode parse(String payload) {
    JsonNode node;
    try {
      node = MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new ConnectorException("The segment.io payload is " + JsonSyntax.describe(e, true) + ".");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ConnectorException("The segment.io payload must be a JSON object.");
    }
    return object;
  }

  private static String requiredString(ObjectNode data, String field, String context) {
    String value = optionalString(data, field);
    if (value == null) {
      throw new ConnectorException(context + " No usable value for " + field + ".");
    }
    return value;
  }

  private static String optionalString(ObjectNode data, String field) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isTextual() || value.isNumber() ? value.asText() : null;
  }

  private static void copyIfPresent(ObjectNode data, String field, ObjectNode properties) {
    JsonNode value = data.get(field);
    if (value != null && !value.isNull()) {
      properties.set(field, value);
    }
  }
}
