package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
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

  /** The body reader is core's event reader, so a REST body's syntax error names its line and column too. */
  @Test
  void postEventWithASyntaxErrorInAMultiLineBodyNamesItsLineAndColumn() {
    ApiClient.Reply reply = api.post(EVENTS, "{\n  \"event\": \"view\",\n  \"entityType\" \"user\"\n}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).startsWith("{\"message\":\"not valid JSON: ").endsWith(" (line 3, column 16)\"}");
  }
}
