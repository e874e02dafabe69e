package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.server.ApiClient.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Event API contract on the embedded SQLite store, a file per test. */
class SqliteEventApiTest extends EventApiContract {

  @TempDir
  Path directory;

  @Override
  StorageSettings settings(String metadataPrefix, String eventDataPrefix) {
    return StorageSettings.of("jdbc:sqlite:" + directory.resolve("pio.db"), null, null)
        .withPrefixes(metadataPrefix, eventDataPrefix);
  }

  /**
   * SQLite could store U+0000 in an id, but Jetty refuses {@code %00} in a path, so such an event could never be
   * read or deleted: the id is refused at creation (PostgreSQL refuses U+0000 in any field anyway).
   */
  @Test
  void eventIdWithNulIsRefusedAtCreation() {
    Reply reply = api.post(EVENTS, "{\"eventId\":\"nul\\u0000id\",\"event\":\"view\",\"entityType\":\"user\","
        + "\"entityId\":\"u1\"}");
    assertReply(reply, 400, message("eventId must not contain the character U+0000: an event with it could not be"
        + " read or deleted through /events/<id>.json."));
  }

  /** The body reader is core's event reader, so a REST body's syntax error names its line and column too. */
  @Test
  void postEventWithASyntaxErrorInAMultiLineBodyNamesItsLineAndColumn() {
    ApiClient.Reply reply = api.post(EVENTS, "{\n  \"event\": \"view\",\n  \"entityType\" \"user\"\n}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).startsWith("{\"message\":\"not valid JSON: ").endsWith(" (line 3, column 16)\"}");
  }
}
