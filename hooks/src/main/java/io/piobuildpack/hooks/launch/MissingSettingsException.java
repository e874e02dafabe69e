package io.piobuildpack.hooks.launch;

import java.util.List;
import java.util.stream.Collectors;

/** Required configuration variables are not set; names them, never the values of the others. */
public final class MissingSettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> names;

  private MissingSettingsException(String message, List<String> names) {
    super(message);
    this.names = List.copyOf(names);
  }

  /** One variable a command cannot run without, worded as the original launcher did. */
  public static MissingSettingsException variable(String command, String name) {
    return new MissingSettingsException(command + " requires environment variable " + name, List.of(name));
  }

  /** Variables a feature needs, listed as {@code NAME=(missing)} like the original launcher (values never). */
  public static MissingSettingsException forFeature(String feature, List<String> names) {
    String listed = names.stream().map(name -> name + "=(missing)").collect(Collectors.joining(" "));
    return new MissingSettingsException(feature + " is enabled, but missing required config: " + listed, names);
  }

  /** The variables that are missing. */
  public List<String> names() {
    return names;
  }
}
