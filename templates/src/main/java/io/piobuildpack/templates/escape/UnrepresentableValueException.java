package io.piobuildpack.templates.escape;

/**
 * A value that cannot be written safely in an output format (for example a NUL character, which no environment
 * variable or C string can hold). The template engine adds the template and variable names before the user sees it.
 */
public class UnrepresentableValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param reason why the value cannot be written, e.g. {@code "contains a NUL character (U+0000)"} */
  public UnrepresentableValueException(String reason) {
    super(reason);
  }
}
