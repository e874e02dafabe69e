package io.piobuildpack.core.event;

/** A time string PredictionIO would not accept; the message is the text Joda gives for it. */
public final class EventTimeFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String input;

  EventTimeFormatException(String input, String message) {
    super(message);
    this.input = input;
  }

  /** The rejected input. */
  public String input() {
    return input;
  }
}
