package io.piobuildpack.buildpack.heroku;

/** A failure of a Heroku phase with its user message (a complete sentence naming the file or variable) and exit code. */
public final class HerokuBuildException extends Exception {

  private static final long serialVersionUID = 1L;

  private final HerokuExitCode exitCode;

  /** A failure with its message and exit code. */
  public HerokuBuildException(HerokuExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A failure with its message, exit code and cause. */
  public HerokuBuildException(HerokuExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code of the phase. */
  public HerokuExitCode exitCode() {
    return exitCode;
  }
}
