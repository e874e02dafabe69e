package io.piobuildpack.buildpack.cnb;

/**
 * A failure of the CNB front-end with its exit code; the message is the complete sentence for the build log
 * (never a secret value).
 */
public class CnbException extends Exception {

  private static final long serialVersionUID = 1L;

  private final CnbExitCode exitCode;

  /** A failure with its exit code and message. */
  public CnbException(CnbExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code the process ends with. */
  public CnbExitCode exitCode() {
    return exitCode;
  }
}
