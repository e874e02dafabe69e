package io.piobuildpack.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several environments read in order of precedence; made by {@link Environment#layered}. */
final class LayeredEnvironment implements Environment {

  private final List<Environment> sources;

  LayeredEnvironment(List<Environment> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public String get(String name) {
    for (Environment source : sources) {
      String value = source.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Every variable of every source, each with the value {@link #get} gives it. */
  @Override
  public Map<String, String> asMap() {
    Map<String, String> merged = new LinkedHashMap<>();
    for (int i = sources.size() - 1; i >= 0; i--) {
      merged.putAll(sources.get(i).asMap());
    }
    return Collections.unmodifiableMap(merged);
  }
}
