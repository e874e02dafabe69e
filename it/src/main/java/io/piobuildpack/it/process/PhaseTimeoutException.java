package io.piobuildpack.it.process;

import java.time.Duration;

/** A phase ran longer than its time limit and was killed. */
public final class PhaseTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient String output;

  /**
   * @param phase the phase's name
   * @param timeout its limit
   * @param output what it printed before it was killed
   */
  public PhaseTimeoutException(String phase, Duration timeout, String output) {
    super(phase + " did not finish within " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
        : timeout.toMillis() + " ms") + " and was killed");
    this.output = output;
  }

  /** What the phase printed before it was killed. */
  public String output() {
    return output;
  }
}
