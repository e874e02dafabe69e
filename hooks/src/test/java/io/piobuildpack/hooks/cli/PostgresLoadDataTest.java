package io.piobuildpack.hooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.cli.CliRun;

import io.piobuildpack.core.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load-data decision table on a real PostgreSQL (a fresh database for this class). */
class PostgresLoadDataTest extends LoadDataContract {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Override
  String databaseUrl() {
    return database.jdbcUrl();
  }

  @Test
  void onADynoWithADatabaseTheStorageCommandsAndTheHooksWork() {
    cli.env("DYNO", "web.1");
    app.write("data/initial-events.json", AppFixture.userEvents(1, 2));

    CliRun loaded = loadData();
    CliRun set = cli.run("checkpoint", "set", "sync", "cursor=1");
    CliRun exported = cli.run("export", "--app", appName, "--output", "-");

    assertThat(loaded.code()).as(loaded.output()).isZero();
    assertThat(set.code()).as(set.output()).isZero();
    assertThat(exported.code()).as(exported.output()).isZero();
    assertThat(exported.out().lines()).hasSize(2 + 1 + 1);
  }
}
