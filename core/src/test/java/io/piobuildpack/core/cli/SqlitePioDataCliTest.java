package io.piobuildpack.core.cli;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import org.junit.jupiter.api.BeforeEach;

/** The {@code pio-data} contract on SQLite: {@code --database-url jdbc:sqlite:<fresh temporary directory>/pio.db}. */
class SqlitePioDataCliTest extends PioDataCliContract {

  /** The contract starts from an empty store, so the file exists (a missing file is tested on its own). */
  @BeforeEach
  void createTheStoreFile() {
    JdbcEventStore.open(StorageSettings.of(databaseUrl(), null, null)).close();
  }

  @Override
  String databaseUrl() {
    return "jdbc:sqlite:" + work.resolve("pio.db");
  }

  @Override
  String sourceLabel() {
    return "embedded SQLite";
  }
}
