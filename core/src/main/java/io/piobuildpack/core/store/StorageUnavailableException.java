package io.piobuildpack.core.store;

/**
 * The database cannot be reached (down, refusing connections, unknown host, wrong credentials, connection lost).
 * Callers tell this apart from "app not found": it usually means "retry later".
 */
public final class StorageUnavailableException extends StorageException {

  private static final long serialVersionUID = 1L;

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
