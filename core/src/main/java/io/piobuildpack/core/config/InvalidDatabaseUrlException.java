package io.piobuildpack.core.config;

/**
 * A database URL such as {@code DATABASE_URL} that cannot be parsed. The message says what is wrong and what is
 * expected; it never repeats any part of the URL, which may hold a password.
 */
public final class InvalidDatabaseUrlException extends InvalidStorageSettingsException {

  private static final long serialVersionUID = 1L;

  public InvalidDatabaseUrlException(String setting, String reason) {
    super(setting, reason + "; expected postgres://USER:PASSWORD@HOST[:PORT]/DATABASE[?PARAMS]");
  }
}
