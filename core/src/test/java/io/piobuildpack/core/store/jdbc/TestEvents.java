package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.EventTimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

/** Small builders of events and batch files for store tests. */
final class TestEvents {

  static final ZonedDateTime T0 = EventTimes.parse("2024-01-02T03:04:05.678Z");

  private TestEvents() {}

  /** A {@code rate} event of user {@code user} on item {@code item}, {@code minutes} after {@link #T0}. */
  static Event rate(String user, String item, int minutes) {
    return Event.builder("rate", "user", user)
        .target("item", item)
        .properties(EventProperties.of("rating", 4L))
        .eventTime(T0.plusMinutes(minutes))
        .creationTime(T0)
        .build();
  }

  static Event special(String name, String entityId, int minutes, EventProperties properties) {
    return Event.builder(name, "user", entityId)
        .properties(properties)
        .eventTime(T0.plusMinutes(minutes))
        .creationTime(T0)
        .build();
  }

  /** A line of a batch file for a {@code view} event, with an eventId when {@code id} is not null. */
  static String viewLine(String id, int n) {
    return "{" + (id == null ? "" : "\"eventId\":\"" + id + "\",")
        + "\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u" + n
        + "\",\"targetEntityType\":\"item\",\"targetEntityId\":\"i" + (n % 97)
        + "\",\"properties\":{\"n\":" + n + "},\"eventTime\":\"2024-03-04T05:06:07.890+08:00\"}";
  }

  /** {@code count} view lines with ids {@code id<prefix><n>} (or no ids when prefix is null). */
  static Path file(Path dir, String name, String idPrefix, int count) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int n = 0; n < count; n++) {
      text.append(viewLine(idPrefix == null ? null : idPrefix + n, n)).append('\n');
    }
    return write(dir, name, text.toString());
  }

  static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static Path lines(Path dir, String name, List<String> lines) throws IOException {
    return write(dir, name, String.join("\n", lines) + "\n");
  }
}
