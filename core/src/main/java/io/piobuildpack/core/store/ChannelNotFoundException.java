package io.piobuildpack.core.store;

/** The app has no channel of this name (or id). */
public final class ChannelNotFoundException extends StorageException {

  private static final long serialVersionUID = 1L;

  private final int appId;
  private final String channel;

  public ChannelNotFoundException(int appId, String channel) {
    super("Channel " + channel + " does not exist in app " + appId + ".");
    this.appId = appId;
    this.channel = channel;
  }

  public int appId() {
    return appId;
  }

  /** The channel name, or {@code ID <n>}. */
  public String channel() {
    return channel;
  }
}
