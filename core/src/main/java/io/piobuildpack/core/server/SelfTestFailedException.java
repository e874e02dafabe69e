package io.piobuildpack.core.server;

/** The event server answered a self-test request otherwise than PredictionIO's server would. */
public final class SelfTestFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SelfTestFailedException(String message) {
    super(message);
  }
}
