package io.piobuildpack.hooks.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The load-data decision table on the embedded SQLite store. */
class SqliteLoadDataTest extends LoadDataContract {

  @TempDir
  Path storeDir;

  @Override
  String databaseUrl() {
    return "jdbc:sqlite:" + storeDir.resolve("pio.db");
  }
}
