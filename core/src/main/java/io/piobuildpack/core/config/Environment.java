package io.piobuildpack.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The variables a command is configured by, injectable so that settings can be resolved from a map in tests and
 * child processes get the same variables the command saw. {@link #SYSTEM} is the only place that reads
 * {@link System#getenv}; {@link EnvDirVariables} reads a Heroku {@code ENV_DIR} or a CNB {@code <platform>/env}
 * directory, and {@link #layered} composes sources.
 *
 * <p>The typed readers ({@link #flag}, {@link #seconds}, {@link #wholeNumber}, {@link #require},
 * {@link #enumeration}) are the one way settings are read: a value is trimmed first, a blank value counts as not
 * set, and a value that cannot be used throws an {@link EnvironmentVariableException} naming the variable.
 */
public interface Environment {

  /** The real process environment. */
  Environment SYSTEM = new Variables(System.getenv());

  /** The value of a variable, or {@code null} when it is not set. */
  String get(String name);

  /** Every variable, for handing on to a child process. */
  Map<String, String> asMap();

  /** The value of a variable when it is set and not blank, trimmed. */
  default Optional<String> find(String name) {
    String value = get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * A flag: {@code true} or {@code false}, trimmed, in any letter case (the one definition of "true" in the
   * toolkit, see {@link #parseFlag}); unset or blank gives the default.
   *
   * @throws InvalidVariableException for any other value, e.g. {@code PIO_PURGE_ON_SYNC must be true or false,
   *     not 'yes'}
   */
  default boolean flag(String name, boolean defaultValue) {
    Optional<String> value = find(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return parseFlag(value.get())
        .orElseThrow(() -> new InvalidVariableException(name, "must be true or false, not " + shown(value.get())));
  }

  /**
   * True when the variable is set to a value {@link #parseFlag} reads as true; never throws. Only for settings
   * read while reporting another failure (e.g. {@code PIO_DATA_STACKTRACE}), where a second error would hide
   * the first; everything else uses {@link #flag}.
   */
  default boolean isTrue(String name) {
    return find(name).flatMap(Environment::parseFlag).orElse(false);
  }

  /**
   * A duration given as a whole, non-negative number of seconds; unset or blank gives the default.
   *
   * @throws InvalidVariableException when the value is not a whole number ({@code NAME must be a whole number of
   *     seconds, not 'x'}) or is negative ({@code NAME must not be negative})
   */
  default Duration seconds(String name, Duration defaultValue) {
    Optional<String> value = find(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    long seconds;
    try {
      seconds = Long.parseLong(value.get());
    } catch (NumberFormatException e) {
      throw new InvalidVariableException(name, "must be a whole number of seconds, not " + shown(value.get()));
    }
    if (seconds < 0) {
      throw new InvalidVariableException(name, "must not be negative");
    }
    return Duration.ofSeconds(seconds);
  }

  /**
   * A whole number (any sign), or empty when unset or blank.
   *
   * @param what the expected value as it follows "must be a" in the message, e.g. {@code number of MiB}
   * @throws InvalidVariableException when the value is not a whole number: {@code NAME must be a <what>, not 'x'}
   */
  default OptionalLong wholeNumber(String name, String what) {
    Optional<String> value = find(name);
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      throw new InvalidVariableException(name, "must be a " + what + ", not " + shown(value.get()));
    }
  }

  /**
   * The trimmed value of a variable that must be set.
   *
   * @throws MissingVariableException when it is unset or blank ({@code NAME is not set})
   */
  default String require(String name) {
    return find(name).orElseThrow(() -> new MissingVariableException(name));
  }

  /**
   * One of an enum's constants, matched without regard to letter case and with {@code -} standing for
   * {@code _} (so {@code off}, {@code OFF} and {@code Off} all select {@code OFF}); unset or blank gives the
   * default.
   *
   * @throws InvalidVariableException for any other value: {@code NAME must be one of on, off, not 'x'}
   */
  default <E extends Enum<E>> E enumeration(String name, Class<E> type, E defaultValue) {
    Optional<String> value = find(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    String wanted = value.get().replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(wanted)) {
        return constant;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
    throw new InvalidVariableException(name, "must be one of " + allowed + ", not " + shown(value.get()));
  }

  /**
   * The toolkit's one reading of a flag value: {@code true} or {@code false} after trimming, in any letter case.
   * Anything else (including {@code yes}, {@code 1}, {@code on}) is no flag value at all: empty. The original
   * buildpack compared with {@code = "true"} / {@code = "false"} in shell; accepting other letter cases is the
   * only widening.
   */
  static Optional<Boolean> parseFlag(String value) {
    String trimmed = value == null ? "" : value.trim();
    if (trimmed.equalsIgnoreCase("true")) {
      return Optional.of(Boolean.TRUE);
    }
    if (trimmed.equalsIgnoreCase("false")) {
      return Optional.of(Boolean.FALSE);
    }
    return Optional.empty();
  }

  /** An environment holding exactly these variables. */
  static Environment of(Map<String, String> variables) {
    return new Variables(Map.copyOf(variables));
  }

  /**
   * Sources composed by precedence: a variable's value comes from the first source, in the order given, that
   * sets it (even to an empty value). For a build: {@code layered(envDir, Environment.SYSTEM)}, so the app's
   * config vars win over the build process's own environment for the names the directory reader allows.
   */
  static Environment layered(Environment... sources) {
    return new LayeredEnvironment(List.of(sources));
  }

  /** An environment backed by an unmodifiable map. */
  record Variables(Map<String, String> asMap) implements Environment {
    @Override
    public String get(String name) {
      return asMap.get(name);
    }
  }

  /**
   * A refused value as error messages show it: in single quotes, line breaks and other control characters
   * escaped, cut after 40 characters. A config var's file may hold anything (a pasted secret, a whole file), and
   * the message goes to a build log.
   */
  static String shown(String value) {
    StringBuilder out = new StringBuilder("'");
    int limit = 40;
    for (int i = 0; i < value.length() && i < limit; i++) {
      char c = value.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
    if (value.length() > limit) {
      out.append(" (").append(value.length() - limit).append(" more characters)");
    }
    return out.toString();
  }
}
