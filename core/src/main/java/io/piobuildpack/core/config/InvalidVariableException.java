package io.piobuildpack.core.config;

/**
 * A variable is set to a value its reader does not accept. The message is {@code NAME problem}, e.g.
 * {@code PIO_HOOK_TIMEOUT must be a whole number of seconds, not 'soon'}.
 */
public final class InvalidVariableException extends EnvironmentVariableException {

  private static final long serialVersionUID = 1L;

  private final String problem;

  /**
   * @param variable the variable's name
   * @param problem what is wrong, worded to follow the name (e.g. {@code must not be negative})
   */
  public InvalidVariableException(String variable, String problem) {
    super(variable, variable + " " + problem);
    this.problem = problem;
  }

  /** What is wrong, without the variable's name. */
  public String problem() {
    return problem;
  }
}
