package io.piobuildpack.it.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Generated event files for the scenarios, in PredictionIO's batch format (one JSON event per line). */
final class EngineEvents {

  private EngineEvents() {}

  /**
   * {@code count} rate events {@code from} onwards: user {@code u<n>} rates item {@code i<n>} with rating
   * {@code 1 + n % 5}, each with its own {@code eventId} {@code <prefix>-<n>} and time.
   */
  static String rates(String prefix, int from, int count) {
    StringBuilder lines = new StringBuilder();
    for (int n = from; n < from + count; n++) {
      lines.append(String.format(Locale.ROOT, "{\"eventId\":\"%s-%d\",\"event\":\"rate\",\"entityType\":\"user\","
          + "\"entityId\":\"u%d\",\"targetEntityType\":\"item\",\"targetEntityId\":\"i%d\","
          + "\"properties\":{\"rating\":%d},\"eventTime\":\"2024-01-%02dT10:00:00.000Z\"}%n",
          prefix, n, n, n, 1 + n % 5, 1 + n % 28));
    }
    return lines.toString();
  }

  /**
   * The same events as {@link #rates} without {@code eventId}s, as most apps' {@code data/initial-events.json}
   * hold them: the store generates each id.
   */
  static String ratesWithoutIds(int from, int count) {
    return rates("none", from, count).replaceAll("\\{\"eventId\":\"none-[0-9]+\",", "{");
  }

  /** The {@code eventId}s {@link #rates} gives. */
  static List<String> ids(String prefix, int from, int count) {
    List<String> ids = new ArrayList<>();
    for (int n = from; n < from + count; n++) {
      ids.add(prefix + "-" + n);
    }
    return ids;
  }
}
