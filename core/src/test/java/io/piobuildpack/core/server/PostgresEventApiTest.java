package io.piobuildpack.core.server;

import io.piobuildpack.core.store.jdbc.PostgresTestDatabase;
import io.piobuildpack.core.config.StorageSettings;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Event API contract on PostgreSQL, in a database created for this class (fresh tables per test). */
class PostgresEventApiTest extends EventApiContract {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  @Override
  StorageSettings settings(String metadataPrefix, String eventDataPrefix) {
    return StorageSettings.of(database.jdbcUrl(), null, null).withPrefixes(metadataPrefix, eventDataPrefix);
  }
}
