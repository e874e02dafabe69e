package io.piobuildpack.hooks.process;

/** The program could not be started at all (missing, not executable, bad interpreter line). */
public final class ProcessStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String processName;

  public ProcessStartException(String processName, String reason, Throwable cause) {
    super(processName + " could not be started: " + reason, cause);
    this.processName = processName;
  }

  public String processName() {
    return processName;
  }
}
