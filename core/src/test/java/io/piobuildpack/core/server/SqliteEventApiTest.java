package io.piobuildpack.core.server;

import io.piobuildpack.core.config.StorageSettings;
import java.nio.file.Path;
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
}
