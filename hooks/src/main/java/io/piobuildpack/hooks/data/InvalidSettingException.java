package io.piobuildpack.hooks.data;

/** A configuration variable has a value that cannot be used; names the variable. */
public final class InvalidSettingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variable;

  public InvalidSettingException(String variable, String problem) {
    super(variable + " " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
