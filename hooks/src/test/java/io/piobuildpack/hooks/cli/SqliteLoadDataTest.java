package io.piobuildpack.hooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load-data decision table on the embedded SQLite store, and the hooks' commands without a database. */
class SqliteLoadDataTest extends LoadDataContract {

  @TempDir
  Path storeDir;

  @Override
  String databaseUrl() {
    return "jdbc:sqlite:" + storeDir.resolve("pio.db");
  }

  @Test
  void checkpointGetNeverCreatesTheEmbeddedStoreAndNamesTheFileItLookedFor() {
    CliRun run = cli.databaseUrl(null).run("checkpoint", "get", "sync");

    assertThat(run.code()).as(run.output()).isEqualTo(5);
    assertThat(run.err()).contains("no event store: the SQLite file " + app.file(".pio_store/pio.db")
        + " (from embedded SQLite default) does not exist");
    assertThat(app.exists(".pio_store")).isFalse();
  }

  @Test
  void checkpointSetOnADynoWithoutDatabaseExitsFiveNamingDatabaseUrl() {
    CliRun run = cli.databaseUrl(null).env("DYNO", "run.1").run("checkpoint", "set", "sync", "cursor=1");

    assertThat(run.code()).as(run.output()).isEqualTo(5);
    assertThat(run.err()).contains("DATABASE_URL is required: DYNO=run.1");
    assertThat(app.exists(".pio_store")).isFalse();
  }
}
