package io.piobuildpack.core.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compact JSON text of plain values ({@code Map}, {@code List}, strings, numbers, booleans, {@code null}), the
 * way PredictionIO writes its response objects: keys in the order given, no spaces.
 */
public final class JsonText {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  /** The value as compact JSON. */
  public static String of(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName(), e);
    }
  }

  /** A one-field object, e.g. {@code {"message":"Not Found"}}. */
  public static String object(String key, Object value) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put(key, value);
    return of(object);
  }

  /** A two-field object in this order, e.g. {@code {"status":201,"eventId":"..."}}. */
  public static String object(String key1, Object value1, String key2, Object value2) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put(key1, value1);
    object.put(key2, value2);
    return of(object);
  }
}
