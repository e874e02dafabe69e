package io.piobuildpack.core.store;

/** The requested access key is already in use (by any app). The key itself is not repeated in the message. */
public final class AccessKeyAlreadyExistsException extends StorageException {

  private static final long serialVersionUID = 1L;

  public AccessKeyAlreadyExistsException() {
    super("The access key is already in use.");
  }
}
