package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.store.jdbc.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
