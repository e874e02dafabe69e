package io.piobuildpack.core.cli;

/** The {@code pio-data} contract on SQLite: {@code --database-url jdbc:sqlite:<fresh temporary directory>/pio.db}. */
class SqlitePioDataCliTest extends PioDataCliContract {

  @Override
  String databaseUrl() {
    return "jdbc:sqlite:" + work.resolve("pio.db");
  }

  @Override
  String sourceLabel() {
    return "embedded SQLite";
  }
}
