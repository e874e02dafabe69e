package io.piobuildpack.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment, injectable so that settings can be resolved from a map in tests. This is the only
 * place that reads {@link System#getenv}.
 */
@FunctionalInterface
public interface Environment {

  /** The real process environment. */
  Environment SYSTEM = System::getenv;

  /** The value of a variable, or {@code null} when it is not set. */
  String get(String name);

  /** The value of a variable when it is set and not blank. */
  default Optional<String> find(String name) {
    String value = get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** An environment holding exactly these variables. */
  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return copy::get;
  }
}
