package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.config.StorageSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

/** The event-store contract on the embedded SQLite store, a file in a temporary directory per test. */
class SqliteEventStoreTest extends EventStoreContract {

  @TempDir
  Path databaseDirectory;

  @Override
  StorageSettings freshSettings(String metadataPrefix, String eventDataPrefix) {
    return StorageSettings.of("jdbc:sqlite:" + databaseDirectory.resolve("store/pio.db"), null, null)
        .withPrefixes(metadataPrefix, eventDataPrefix);
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl());
  }

  @Override
  void interruptImport() throws IOException {
    // an embedded store has no server connection to cut: the importing process loses its input instead
    throw new IOException("the importing process was interrupted");
  }
}
