package io.piobuildpack.core.store;

/** A channel name that breaks PredictionIO's rule {@code ^[a-zA-Z0-9-]{1,16}$}. */
public final class InvalidChannelNameException extends StorageException {

  private static final long serialVersionUID = 1L;

  private final String name;

  public InvalidChannelNameException(String name) {
    super("Unable to create channel. Channel name " + name
        + " is invalid: use 1 to 16 characters from a-z, A-Z, 0-9 and '-'.");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
