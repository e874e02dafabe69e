package io.piobuildpack.core.config;

/**
 * A configuration variable that cannot be used: missing where it is required, or holding a value its reader
 * does not accept. The message starts with the variable's name and never repeats the value of a variable that
 * may hold a secret (readers that quote a value only do so for flags, numbers and enumerations).
 */
public abstract sealed class EnvironmentVariableException extends RuntimeException
    permits InvalidVariableException, MissingVariableException {

  private static final long serialVersionUID = 1L;

  private final String variable;

  EnvironmentVariableException(String variable, String message) {
    super(message);
    this.variable = variable;
  }

  /** The variable at fault, e.g. {@code PIO_HOOK_TIMEOUT}. */
  public String variable() {
    return variable;
  }
}
