package io.piobuildpack.buildpack.render;

/**
 * A variable read when the dyno or container starts that cannot be used, or a required one that is missing.
 * The message names the variable and never contains its value.
 */
public class InvalidRuntimeSettingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variable;

  public InvalidRuntimeSettingException(String variable, String reason) {
    super(variable + " " + reason);
    this.variable = variable;
  }

  /** The variable at fault, e.g. {@code DATABASE_URL}. */
  public String variable() {
    return variable;
  }
}
