package io.piobuildpack.core.store;

/** An event to insert carries an {@code eventId} that is already in the table (or one longer than 32 chars). */
public final class EventIdConflictException extends StorageException {

  private static final long serialVersionUID = 1L;

  public EventIdConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
