package io.piobuildpack.core.store;

/** No app with this name or id. */
public final class AppNotFoundException extends StorageException {

  private static final long serialVersionUID = 1L;

  private final String app;

  public AppNotFoundException(String app) {
    super("App " + app + " does not exist.");
    this.app = app;
  }

  public static AppNotFoundException id(int appId) {
    return new AppNotFoundException("ID " + appId);
  }

  /** The name, or {@code ID <n>}, that was looked up. */
  public String app() {
    return app;
  }
}
