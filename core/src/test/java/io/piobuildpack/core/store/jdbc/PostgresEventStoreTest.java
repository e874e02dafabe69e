package io.piobuildpack.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.testsupport.postgres.FreshPostgresDatabase;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event-store contract on PostgreSQL, in a database created for this class, plus PostgreSQL-only checks of
 * what PredictionIO reads: wall-clock timestamps and the apps sequence.
 */
@FreshPostgresDatabase
class PostgresEventStoreTest extends EventStoreContract {

  private static TestDatabase database;

  @BeforeAll
  static void useDatabase(TestDatabase fresh) {
    database = fresh;
  }


  @Override
  StorageSettings freshSettings(String metadataPrefix, String eventDataPrefix) {
    return StorageSettings.of(database.jdbcUrl(), null, null).withPrefixes(metadataPrefix, eventDataPrefix);
  }

  @Override
  Connection rawConnection() throws SQLException {
    return database.connect();
  }

  @Override
  void interruptImport() throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet killed = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'COPY %'")) {
      assertThat(killed.next()).as("an import connection to terminate").isTrue();
    }
  }

  @Test
  void timestampsAreStoredAsWallClockTimeInTheStoreZone() throws SQLException {
    store.close();
    settings = settings.withTimestampZone(ZoneOffset.UTC);
    store = JdbcEventStore.open(settings);
    EventScope scope = newApp();
    store.events().insert(scope, Event.builder("view", "user", "u")
        .eventTime(EventTimes.parse("2024-01-02T12:00:00.123+08:00")).build());

    assertThat(rawStrings("SELECT eventtime || ' ' || eventtimezone FROM " + table(scope)))
        .containsExactly("2024-01-02 04:00:00.123 +08:00");
  }

  @Test
  void explicitAppIdAdvancesTheSequence() throws SQLException {
    store.apps().create(NewApp.named("Explicit").withId(42));

    assertThat(rawStrings("SELECT last_value FROM " + settings.metadataPrefix() + "_apps_id_seq"))
        .containsExactly("42");
    assertThat(store.apps().create(NewApp.named("Auto")).app().id()).isEqualTo(43);
  }
}
