package io.piobuildpack.hooks.launch;

/** An option variable (PIO_OPTS, PIO_SPARK_OPTS, ...) cannot be split into words. */
public final class InvalidOptionsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String variable;

  public InvalidOptionsException(String variable, String problem) {
    super(variable + " cannot be split into words: " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
