package io.piobuildpack.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment, injectable so that settings can be resolved from a map in tests and child processes
 * get the same variables the command saw. This is the only place that reads {@link System#getenv}.
 */
public interface Environment {

  /** The real process environment. */
  Environment SYSTEM = new Variables(System.getenv());

  /** The value of a variable, or {@code null} when it is not set. */
  String get(String name);

  /** Every variable, for handing on to a child process. */
  Map<String, String> asMap();

  /** The value of a variable when it is set and not blank. */
  default Optional<String> find(String name) {
    String value = get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** An environment holding exactly these variables. */
  static Environment of(Map<String, String> variables) {
    return new Variables(Map.copyOf(variables));
  }

  /** An environment backed by an unmodifiable map. */
  record Variables(Map<String, String> asMap) implements Environment {
    @Override
    public String get(String name) {
      return asMap.get(name);
    }
  }
}
