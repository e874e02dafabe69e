package io.piobuildpack.core.server.webhooks;

import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.server.http.JsonText;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PredictionIO's MailChimp connector ({@code MailChimpConnector}): the form fields of a MailChimp webhook
 * ({@code subscribe}, {@code unsubscribe}, {@code profile}, {@code upemail}, {@code cleaned}, {@code campaign})
 * become an event named after the type, at {@code fired_at} read as UTC. A missing field is reported (400) where
 * PredictionIO failed with 500.
 */
final class MailChimpConnector implements FormConnector {

  private static final DateTimeFormatter FIRED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Override
  public String toEventJson(Map<String, String> fields) {
    String type = fields.get("type");
    if (type == null) {
      throw new ConnectorException("The field 'type' is required for MailChimp data.");
    }
    Fields data = new Fields(type, fields);
    Map<String, Object> event = switch (type) {
      case "subscribe" -> member(data, "subscribe", "ip_signup");
      case "unsubscribe" -> member(data, "unsubscribe", null);
      case "profile" -> member(data, "profile", null);
      case "upemail" -> event(data, "user", data.required("data[new_id]"), true,
          props("new_email", data.required("data[new_email]"), "old_email", data.required("data[old_email]")));
      case "cleaned" -> event(data, "list", data.required("data[list_id]"), false,
          props("campaignId", data.required("data[campaign_id]"), "reason", data.required("data[reason]"),
              "email", data.required("data[email]")));
      case "campaign" -> event(data, "campaign", data.required("data[id]"), true,
          props("subject", data.required("data[subject]"), "status", data.required("data[status]"),
              "reason", data.required("data[reason]")));
      default -> throw new ConnectorException("Cannot convert unknown MailChimp data type " + type + " to event JSON");
    };
    return JsonText.of(event);
  }

  /** subscribe, unsubscribe and profile: a list member's details. */
  private static Map<String, Object> member(Fields data, String type, String extraField) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (type.equals("unsubscribe")) {
      properties.put("action", data.required("data[action]"));
      properties.put("reason", data.required("data[reason]"));
    }
    properties.put("email", data.required("data[email]"));
    properties.put("email_type", data.required("data[email_type]"));
    Map<String, Object> merges = new LinkedHashMap<>();
    merges.put("EMAIL", data.required("data[merges][EMAIL]"));
    merges.put("FNAME", data.required("data[merges][FNAME]"));
    merges.put("LNAME", data.required("data[merges][LNAME]"));
    if (data.optional("data[merges][INTERESTS]") != null) {
      merges.put("INTERESTS", data.optional("data[merges][INTERESTS]"));
    }
    properties.put("merges", merges);
    properties.put("ip_opt", data.required("data[ip_opt]"));
    if (extraField != null) {
      properties.put(extraField, data.required("data[" + extraField + "]"));
    }
    if (type.equals("unsubscribe")) {
      properties.put("campaign_id", data.required("data[campaign_id]"));
    }
    return event(data, "user", data.required("data[id]"), true, properties);
  }

  private static Map<String, Object> event(Fields data, String entityType, String entityId, boolean targetList,
      Map<String, Object> properties) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event", data.type);
    event.put("entityType", entityType);
    event.put("entityId", entityId);
    if (targetList) {
      event.put("targetEntityType", "list");
      event.put("targetEntityId", data.required("data[list_id]"));
    }
    event.put("eventTime", firedAt(data.required("fired_at")));
    event.put("properties", properties);
    return event;
  }

  private static Map<String, Object> props(String... keysAndValues) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  private static String firedAt(String value) {
    try {
      return EventTimes.format(LocalDateTime.parse(value, FIRED_AT).atZone(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new ConnectorException("The field 'fired_at' must be a time like 2009-03-26 21:35:57, not '" + value + "'.");
    }
  }

  /** The form fields of one MailChimp message. */
  private static final class Fields {
    private final String type;
    private final Map<String, String> values;

    private Fields(String type, Map<String, String> values) {
      this.type = type;
      this.values = values;
    }

    String required(String name) {
      String value = values.get(name);
      if (value == null) {
        throw new ConnectorException("The field '" + name + "' is required for MailChimp data of type " + type + ".");
      }
      return value;
    }

    String optional(String name) {
      return values.get(name);
    }
  }
}
