package io.piobuildpack.core.store;

import java.util.UUID;

/** New event ids as PredictionIO's JDBC backend makes them: a random UUID without dashes, 32 lowercase hex. */
public final class EventIdGenerator {

  private EventIdGenerator() {}

  public static String next() {
    UUID uuid = UUID.randomUUID();
    return hex16(uuid.getMostSignificantBits()) + hex16(uuid.getLeastSignificantBits());
  }

  private static String hex16(long bits) {
    String hex = Long.toHexString(bits);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
