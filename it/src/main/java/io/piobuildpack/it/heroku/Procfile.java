package io.piobuildpack.it.heroku;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app's process types: the {@code Procfile} in the app's root (one {@code <type>: <command>} per line, type
 * made of letters, digits, {@code _} and {@code -}; https://devcenter.heroku.com/articles/procfile), over the
 * {@code default_process_types} of the buildpack's {@code bin/release}, which apply only to types the Procfile does
 * not declare (https://devcenter.heroku.com/articles/buildpack-api#bin-release).
 */
public final class Procfile {

  private static final Pattern LINE = Pattern.compile("^([A-Za-z0-9_-]+):\\s*(.+?)\\s*$");

  private final Map<String, String> types;

  private Procfile(Map<String, String> types) {
    this.types = Collections.unmodifiableMap(types);
  }

  /**
   * The process types of the app in {@code appDir} with {@code defaults} under them.
   *
   * @throws UncheckedIOException when the Procfile exists but cannot be read
   */
  public static Procfile of(Path appDir, Map<String, String> defaults) {
    Map<String, String> types = new LinkedHashMap<>(defaults);
    Path file = appDir.resolve("Procfile");
    if (Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Matcher m = LINE.matcher(line);
          if (m.matches()) {
            types.put(m.group(1), m.group(2));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new Procfile(types);
  }

  /** The command of a process type, if declared. */
  public Optional<String> command(String type) {
    return Optional.ofNullable(types.get(type));
  }

  /** Every type and its command, Procfile order after the defaults. */
  public Map<String, String> types() {
    return types;
  }
}
