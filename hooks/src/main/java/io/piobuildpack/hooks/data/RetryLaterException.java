package io.piobuildpack.hooks.data;

/**
 * A precondition of the data load is missing (a variable, the database): nothing was changed and the next
 * release should try again. The original buildpack's exit code 3.
 */
public final class RetryLaterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RetryLaterException(String message) {
    super(message);
  }

  public RetryLaterException(String message, Throwable cause) {
    super(message, cause);
  }
}
