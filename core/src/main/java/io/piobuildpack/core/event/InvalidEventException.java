package io.piobuildpack.core.event;

/**
 * An event PredictionIO would reject. Carries the field at fault (or {@code null} when the whole input is at
 * fault), the offending value as text, a short reason for people, and the exact message PredictionIO's Event
 * API returns for the same input (for clients that match on it).
 */
public abstract class InvalidEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String pioMessage;

  protected InvalidEventException(String field, String value, String reason, String pioMessage) {
    super(reason);
    this.field = field;
    this.value = value;
    this.pioMessage = pioMessage;
  }

  /** The field at fault, e.g. {@code entityId} or {@code properties.$x}; {@code null} for the whole input. */
  public String field() {
    return field;
  }

  /** The offending value as text, or {@code null} when the field is missing. */
  public String value() {
    return value;
  }

  /** A short reason for people, e.g. {@code field is required}. */
  public String reason() {
    return getMessage();
  }

  /** The message PredictionIO's Event API returns for this input. */
  public String pioMessage() {
    return pioMessage;
  }

  /** {@code field: reason}, or just the reason when no single field is at fault. */
  public String describe() {
    return field == null ? reason() : field + ": " + reason();
  }
}
