package io.piobuildpack.core.store;

import java.util.List;
import java.util.Objects;

/**
 * An access key of an app: a row of {@code <prefix>_accesskeys}. An empty event list allows every event (stored
 * as NULL); otherwise only the listed event names may be posted with this key.
 */
public record AccessKey(String key, int appId, List<String> events) {

  public AccessKey {
    Objects.requireNonNull(key, "key");
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** True when the key may post events of this name. */
  public boolean allows(String eventName) {
    return events.isEmpty() || events.contains(eventName);
  }

  @Override
  public String toString() {
    return "AccessKey[key=" + key.substring(0, Math.min(4, key.length())) + "..., appId=" + appId + ", events="
        + events + "]";
  }
}
