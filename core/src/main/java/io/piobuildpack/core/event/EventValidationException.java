package io.piobuildpack.core.event;

/** An event that breaks one of PredictionIO's validation rules ({@code EventValidation.validate}). */
public final class EventValidationException extends InvalidEventException {

  private static final long serialVersionUID = 1L;

  private static final String PIO_PREFIX = "java.lang.IllegalArgumentException: requirement failed: ";

  EventValidationException(String field, String value, String ruleMessage) {
    super(field, value, ruleMessage, PIO_PREFIX + ruleMessage);
  }

  /** The rule's message as PredictionIO words it, e.g. {@code event must not be empty.} */
  public String ruleMessage() {
    return reason();
  }
}
