package io.piobuildpack.core.server.auth;

import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.EventScope;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a request: the access key (its app and event whitelist), the event table it addresses (default
 * channel or a named one) and the channel name it was given.
 */
public record Caller(AccessKey accessKey, EventScope scope, Optional<String> channelName) {

  public Caller {
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(scope, "scope");
    channelName = channelName == null ? Optional.empty() : channelName;
  }

  public int appId() {
    return accessKey.appId();
  }

  /** True when the key's whitelist allows events of this name (an empty whitelist allows all). */
  public boolean mayPost(String eventName) {
    return accessKey.allows(eventName);
  }
}
