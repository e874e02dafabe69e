package io.piobuildpack.core.server;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.testsupport.postgres.FreshPostgresDatabase;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The Event API contract on PostgreSQL, in a database created for this class (fresh tables per test). */
@FreshPostgresDatabase
class PostgresEventApiTest extends EventApiContract {

  private static TestDatabase database;

  @BeforeAll
  static void useDatabase(TestDatabase fresh) {
    database = fresh;
  }


  @Override
  StorageSettings settings(String metadataPrefix, String eventDataPrefix) {
    return StorageSettings.of(database.jdbcUrl(), null, null).withPrefixes(metadataPrefix, eventDataPrefix);
  }
}
