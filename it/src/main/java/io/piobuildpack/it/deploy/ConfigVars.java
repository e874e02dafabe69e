package io.piobuildpack.it.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An app's config vars as a user gives them: {@code NAME=VALUE} arguments, or a file in the {@code heroku
 * config --shell} / {@code .env} format (one {@code NAME=VALUE} per line, {@code #} comments and blank lines
 * ignored, an optional pair of surrounding single or double quotes removed,
 * https://devcenter.heroku.com/articles/heroku-local#copy-heroku-config-vars-to-your-local-env-file).
 */
public final class ConfigVars {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SHOWN_NAME = Pattern.compile("[A-Za-z0-9_ .-]{1,64}");

  private ConfigVars() {}

  /**
   * Parses one {@code NAME=VALUE} (the value may be empty or hold {@code =}).
   *
   * @param where what to name in an error (an option, {@code FILE:LINE})
   * @throws IllegalArgumentException naming {@code where} when there is no {@code =} or the name is not a
   *     variable name; the value is never shown, nor the name unless it is plain words (not a URL or key)
   */
  public static Map.Entry<String, String> parse(String assignment, String where) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(where + ": expected NAME=VALUE, got no '=' after a name");
    }
    String name = assignment.substring(0, eq).trim();
    if (!NAME.matcher(name).matches()) {
      // what stands before '=' may be a pasted secret (postgres://user:password@host/db?ssl=...): shown only when
      // it cannot be one
      String shown = SHOWN_NAME.matcher(name).matches() ? "'" + name + "'" : "the text before '='";
      throw new IllegalArgumentException(where + ": " + shown + " is not a variable name (letters, digits, _)");
    }
    return Map.entry(name, unquote(assignment.substring(eq + 1)));
  }

  /**
   * Reads a config-vars file.
   *
   * @throws IllegalArgumentException naming the file and line of a bad line
   * @throws UncheckedIOException when it cannot be read
   */
  public static Map<String, String> read(Path file) {
    Map<String, String> vars = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the config vars file " + file, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      Map.Entry<String, String> var = parse(line, file + ":" + (i + 1));
      vars.put(var.getKey(), var.getValue());
    }
    return vars;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
        || value.startsWith("\"") && value.endsWith("\""))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
