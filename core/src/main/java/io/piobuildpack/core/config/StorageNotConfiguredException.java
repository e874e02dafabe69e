package io.piobuildpack.core.config;

/** No usable event store is configured for this command (see {@link DurableStorageRule}); nothing was done. */
public class StorageNotConfiguredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StorageNotConfiguredException(String message) {
    super(message);
  }
}
