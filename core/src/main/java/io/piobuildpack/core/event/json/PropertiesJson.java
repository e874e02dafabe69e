package io.piobuildpack.core.event.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.piobuildpack.core.event.EventProperties;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Properties as the compact JSON text PredictionIO's JDBC backend stores in the {@code properties} column. */
public final class PropertiesJson {

  private PropertiesJson() {}

  public static String toJson(EventProperties properties) {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator json = JsonMapper.factory().createGenerator(out)) {
      JsonValues.writeObject(json, properties.asMap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Reads a stored properties column; {@code null} or blank (as PredictionIO's import writes) is empty.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static EventProperties fromJson(String json) {
    if (json == null || json.isBlank()) {
      return EventProperties.EMPTY;
    }
    try {
      JsonNode node = JsonMapper.MAPPER.readTree(json);
      if (!node.isObject()) {
        throw new IllegalArgumentException("stored properties are not a JSON object");
      }
      return EventProperties.of(JsonValues.toMap(node));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored properties are not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
