package io.piobuildpack.core.store;

/** An app with this name, or with the explicitly requested id, already exists. */
public final class AppAlreadyExistsException extends StorageException {

  private static final long serialVersionUID = 1L;

  private final String app;

  public AppAlreadyExistsException(String app) {
    super("App " + app + " already exists.");
    this.app = app;
  }

  /** The name, or {@code ID <n>}, that is taken. */
  public String app() {
    return app;
  }
}
