package io.piobuildpack.core.server;

/** A port setting that is not a port number; carries the setting ({@code PORT} or {@code --port}) and value. */
public final class InvalidListenAddressException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String value;

  public InvalidListenAddressException(String setting, String value) {
    super(setting + " must be a port number from 0 to 65535, not '" + value + "'");
    this.setting = setting;
    this.value = value;
  }

  public String setting() {
    return setting;
  }

  public String value() {
    return value;
  }
}
