package io.piobuildpack.core.store;

import java.util.List;
import java.util.Objects;

/**
 * A request to create an app ({@code pio app new}): its name, and optionally an explicit id, a description, an
 * access key to use instead of a generated one, and that key's event whitelist. Build with {@link #named} and
 * the {@code withX} copies.
 */
public record NewApp(String name, Integer id, String description, String accessKey, List<String> keyEvents) {

  public NewApp {
    Objects.requireNonNull(name, "name");
    keyEvents = keyEvents == null ? List.of() : List.copyOf(keyEvents);
  }

  public static NewApp named(String name) {
    return new NewApp(name, null, null, null, List.of());
  }

  public NewApp withId(int explicitId) {
    return new NewApp(name, explicitId, description, accessKey, keyEvents);
  }

  public NewApp withDescription(String text) {
    return new NewApp(name, id, text, accessKey, keyEvents);
  }

  public NewApp withAccessKey(String key) {
    return new NewApp(name, id, description, key, keyEvents);
  }

  public NewApp withKeyEvents(List<String> events) {
    return new NewApp(name, id, description, accessKey, events);
  }

  @Override
  public String toString() {
    return "NewApp[name=" + name + ", id=" + id + ", description=" + description + ", accessKey="
        + (accessKey == null ? "generated" : "given") + ", keyEvents=" + keyEvents + "]";
  }
}
