package io.piobuildpack.core.config;

/** A storage setting that cannot be used; the message names the setting and never contains a password. */
public class InvalidStorageSettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String setting;

  public InvalidStorageSettingsException(String setting, String reason) {
    super(setting + ": " + reason);
    this.setting = setting;
  }

  /** The setting at fault, e.g. {@code DATABASE_URL} or {@code PIO_STORAGE_REPOSITORIES_METADATA_NAME}. */
  public String setting() {
    return setting;
  }
}
