package io.piobuildpack.hooks.cli;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.postgres.FreshPostgresDatabase;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import io.piobuildpack.testsupport.process.CommandResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load-data decision table on a real PostgreSQL (a fresh database for this class). */
@FreshPostgresDatabase
class PostgresLoadDataTest extends LoadDataContract {

  private static TestDatabase database;

  @BeforeAll
  static void useDatabase(TestDatabase fresh) {
    database = fresh;
  }


  @Override
  String databaseUrl() {
    return database.jdbcUrl();
  }

  @Test
  void onADynoWithADatabaseTheStorageCommandsAndTheHooksWork() {
    cli.env("DYNO", "web.1");
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult loaded = loadData();
    CommandResult set = cli.run("checkpoint", "set", "sync", "cursor=1");
    CommandResult exported = cli.run("export", "--app", appName, "--output", "-");

    assertThat(loaded).succeeded();
    assertThat(set).succeeded();
    assertThat(exported).succeeded();
    assertThat(exported.out().lines()).hasSize(2 + 1 + 1);
  }
}
