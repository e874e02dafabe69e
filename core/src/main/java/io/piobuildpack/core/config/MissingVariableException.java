package io.piobuildpack.core.config;

/** A required variable is not set, or set to blanks only. The message is {@code NAME is not set}. */
public final class MissingVariableException extends EnvironmentVariableException {

  private static final long serialVersionUID = 1L;

  public MissingVariableException(String variable) {
    super(variable, variable + " is not set");
  }
}
