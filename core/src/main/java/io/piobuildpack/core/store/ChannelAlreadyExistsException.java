package io.piobuildpack.core.store;

/** The app already has a channel of this name. */
public final class ChannelAlreadyExistsException extends StorageException {

  private static final long serialVersionUID = 1L;

  private final String channel;

  public ChannelAlreadyExistsException(int appId, String channel) {
    super("Channel " + channel + " already exists in app " + appId + ".");
    this.channel = channel;
  }

  public String channel() {
    return channel;
  }
}
