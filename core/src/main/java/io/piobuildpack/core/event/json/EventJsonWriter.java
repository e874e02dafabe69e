package io.piobuildpack.core.event.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventTimes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes events in PredictionIO's API and export format ({@code EventJson4sSupport.writeJson}): fields in the
 * order eventId, event, entityType, entityId, targetEntityType?, targetEntityId?, properties, eventTime, prId?,
 * creationTime; absent optional fields omitted; tags never written; compact.
 */
public final class EventJsonWriter {

  private EventJsonWriter() {}

  /** The event as one compact JSON object. */
  public static String toJson(Event event) {
    StringWriter out = new StringWriter(256);
    try {
      write(event, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Writes the event as one compact JSON object (no newline) to the writer, which stays open. */
  public static void write(Event event, Writer out) throws IOException {
    try (JsonGenerator json = JsonMapper.factory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      if (event.eventId() != null) {
        json.writeStringField("eventId", event.eventId());
      }
      json.writeStringField("event", event.event());
      json.writeStringField("entityType", event.entityType());
      json.writeStringField("entityId", event.entityId());
      if (event.targetEntityType() != null) {
        json.writeStringField("targetEntityType", event.targetEntityType());
      }
      if (event.targetEntityId() != null) {
        json.writeStringField("targetEntityId", event.targetEntityId());
      }
      json.writeFieldName("properties");
      JsonValues.writeObject(json, event.properties().asMap());
      json.writeStringField("eventTime", EventTimes.format(event.eventTime()));
      if (event.prId() != null) {
        json.writeStringField("prId", event.prId());
      }
      json.writeStringField("creationTime", EventTimes.format(event.creationTime()));
      json.writeEndObject();
    }
  }
}
