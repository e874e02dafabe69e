package io.piobuildpack.buildpack.install.common;


/** A variable or app file has an unusable value: the message names it and says what is expected. */
public final class InvalidInstallSettingException extends InstallException {

  private static final long serialVersionUID = 1L;

  /** With the complete message. */
  public InvalidInstallSettingException(String message) {
    super(message);
  }

  /** With the complete message and the parser's error. */
  public InvalidInstallSettingException(String message, Throwable cause) {
    super(message, cause);
  }
}
