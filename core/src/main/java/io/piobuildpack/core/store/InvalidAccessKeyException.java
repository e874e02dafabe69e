package io.piobuildpack.core.store;

/** A user-supplied access key that cannot be stored (empty, longer than 64 characters, or starting with '-'). */
public final class InvalidAccessKeyException extends StorageException {

  private static final long serialVersionUID = 1L;

  public InvalidAccessKeyException(String reason) {
    super("Invalid access key: " + reason);
  }
}
