package io.piobuildpack.core.store;

import java.util.OptionalInt;

/** Where events live: the default channel of an app, or one of its named channels (each has its own table). */
public record EventScope(int appId, OptionalInt channelId) {

  public EventScope {
    channelId = channelId == null ? OptionalInt.empty() : channelId;
  }

  /** The app's default channel. */
  public static EventScope of(int appId) {
    return new EventScope(appId, OptionalInt.empty());
  }

  /** A named channel of the app, by channel id. */
  public static EventScope of(int appId, int channelId) {
    return new EventScope(appId, OptionalInt.of(channelId));
  }

  public boolean isDefaultChannel() {
    return channelId.isEmpty();
  }

  @Override
  public String toString() {
    return "app " + appId + (channelId.isPresent() ? " channel " + channelId.getAsInt() : "");
  }
}
