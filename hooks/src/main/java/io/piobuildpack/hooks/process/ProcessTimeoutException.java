package io.piobuildpack.hooks.process;

import java.time.Duration;

/** The program ran longer than allowed; it and every process it started were killed. */
public final class ProcessTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String processName;
  private final transient Duration timeout;

  public ProcessTimeoutException(String processName, Duration timeout) {
    super(processName + " did not finish within " + timeout.toSeconds() + " s and was stopped");
    this.processName = processName;
    this.timeout = timeout;
  }

  public String processName() {
    return processName;
  }

  public Duration timeout() {
    return timeout;
  }
}
