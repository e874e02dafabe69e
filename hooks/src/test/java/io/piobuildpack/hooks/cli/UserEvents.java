package io.piobuildpack.hooks.cli;

/** Batch-file lines of user {@code $set} events for the data-hook tests. */
final class UserEvents {

  private UserEvents() {
  }

  /** Lines of a batch file: {@code n} $set events of users {@code first..first+n-1}, with stable event ids. */
  static String lines(int first, int n) {
    StringBuilder lines = new StringBuilder();
    for (int i = first; i < first + n; i++) {
      lines.append(String.format("{\"eventId\":\"u%031d\",\"event\":\"$set\",\"entityType\":\"user\","
          + "\"entityId\":\"%d\",\"properties\":{\"n\":%d},\"eventTime\":\"2017-04-14T18:12:20Z\"}%n", i, i, i));
    }
    return lines.toString();
  }

  /** The same events without event ids (a re-import would duplicate them). */
  static String linesWithoutIds(int first, int n) {
    return lines(first, n).replaceAll("\"eventId\":\"u\\d+\",", "");
  }
}
