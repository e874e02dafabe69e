package io.piobuildpack.core.event;

/**
 * Event input that cannot be read into an event: not JSON, not an object, a required field missing or null,
 * a value of the wrong JSON type, an unreadable {@code eventTime}, {@code properties} that is not an object.
 */
public final class EventFormatException extends InvalidEventException {

  private static final long serialVersionUID = 1L;

  public EventFormatException(String field, String value, String reason, String pioMessage) {
    super(field, value, reason, pioMessage);
  }
}
