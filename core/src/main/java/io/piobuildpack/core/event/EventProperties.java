package io.piobuildpack.core.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code properties} of an event: an immutable JSON object.
 *
 * <p>Values are plain Java: {@code String}, {@code Boolean}, {@code Long} or {@code BigInteger} for integers,
 * {@code Double} for other numbers (PredictionIO reads them as IEEE doubles), {@code List} for arrays,
 * {@code Map<String, Object>} for objects and {@code null} for JSON null. Key order is kept as given.
 */
public final class EventProperties {

  public static final EventProperties EMPTY = new EventProperties(Map.of());

  private final Map<String, Object> values;

  private EventProperties(Map<String, Object> values) {
    this.values = values;
  }

  /** Copies and normalises the map (integers to Long/BigInteger, other numbers to Double), deeply. */
  public static EventProperties of(Map<String, ?> values) {
    if (values.isEmpty()) {
      return EMPTY;
    }
    return new EventProperties(normaliseObject(values));
  }

  /** Convenience for tests and code: alternating keys and values. */
  public static EventProperties of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return of(map);
  }

  /** The properties as an unmodifiable map (values may be {@code null} for JSON null). */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public int size() {
    return values.size();
  }

  public Set<String> keys() {
    return values.keySet();
  }

  public boolean contains(String key) {
    return values.containsKey(key);
  }

  /** The value of a key, or {@code null} when absent or JSON null (use {@link #contains} to tell apart). */
  public Object get(String key) {
    return values.get(key);
  }

  /** These properties with the other's keys added or overwritten ({@code $set} semantics). */
  public EventProperties mergedWith(EventProperties other) {
    if (other.isEmpty()) {
      return this;
    }
    Map<String, Object> merged = new LinkedHashMap<>(values);
    merged.putAll(other.values);
    return new EventProperties(Collections.unmodifiableMap(merged));
  }

  /** These properties without the given keys ({@code $unset} semantics). */
  public EventProperties without(Collection<String> keys) {
    Map<String, Object> remaining = new LinkedHashMap<>(values);
    remaining.keySet().removeAll(keys);
    return remaining.isEmpty() ? EMPTY : new EventProperties(Collections.unmodifiableMap(remaining));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventProperties that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  private static Map<String, Object> normaliseObject(Map<String, ?> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : source.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("property names must not be null");
      }
      copy.put(entry.getKey(), normalise(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object normalise(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> typed = new LinkedHashMap<>();
      map.forEach((k, v) -> typed.put(String.valueOf(k), v));
      return normaliseObject(typed);
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(normalise(element));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }
}
