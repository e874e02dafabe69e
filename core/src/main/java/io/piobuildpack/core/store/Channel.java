package io.piobuildpack.core.store;

import java.util.Objects;
import java.util.regex.Pattern;

/** A named channel of an app: a row of {@code <prefix>_channels}, with its own event table. */
public record Channel(int id, String name, int appId) {

  private static final Pattern VALID_NAME = Pattern.compile("^[a-zA-Z0-9-]{1,16}$");

  public Channel {
    Objects.requireNonNull(name, "name");
  }

  /** PredictionIO's channel-name rule: 1 to 16 characters from {@code a-z A-Z 0-9 -}. */
  public static boolean isValidName(String name) {
    return name != null && VALID_NAME.matcher(name).matches();
  }
}
