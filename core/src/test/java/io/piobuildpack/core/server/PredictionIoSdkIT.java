package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.PropertyMap;
import io.piobuildpack.core.store.TimeRange;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.testsupport.postgres.FreshPostgresDatabase;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import io.prediction.Event;
import io.prediction.EventClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PredictionIO's official Java SDK ({@code io.prediction:client:0.8.3}) against our server on PostgreSQL, doing
 * what the recorded session did with the real server (transcripts §4): every request it makes is accepted.
 */
@FreshPostgresDatabase
class PredictionIoSdkIT {

  private static final AtomicInteger FRESH = new AtomicInteger();
  private static TestDatabase database;

  private EventStore store;
  private EventServer server;
  private EventClient client;

  @BeforeAll
  static void useDatabase(TestDatabase fresh) {
    database = fresh;
  }


  @BeforeEach
  void start() {
    int n = FRESH.incrementAndGet();
    store = JdbcEventStore.open(StorageSettings.of(database.jdbcUrl(), null, null).withPrefixes("m" + n, "e" + n));
    PeerFixture.seed(store);
    server = EventServer.start(EventServerConfig.defaults(new ListenAddress("127.0.0.1", 0)).withAccessLog(false),
        store);
    client = new EventClient(PeerFixture.OTHER_KEY, server.uri().toString());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
    store.close();
  }

  @Test
  void sdkCreatesReadsAndAggregatesEvents() throws Exception {
    assertThat(client.getStatus()).isEqualTo("{\"status\":\"alive\"}");
    String setId = client.createEvent(new Event().event("$set").entityType("user").entityId("sdk-u1")
        .property("plan", "gold").property("age", 42)
        .eventTime(new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeZone.UTC)));
    Event set = client.getEvent(setId);
    assertThat(set.getEvent()).isEqualTo("$set");
    assertThat(set.getEntityId()).isEqualTo("sdk-u1");
    assertThat(set.getProperties()).containsEntry("plan", "gold").containsKey("age");
    assertThat(set.getEventTime().getMillis()).isEqualTo(new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeZone.UTC).getMillis());

    client.setItem("sdk-i1", Map.of("categories", List.of("c1", "c2")));
    String viewId = client.userActionItem("view", "sdk-u1", "sdk-i1", Map.of());
    Event view = client.getEvent(viewId);
    assertThat(view.getTargetEntityType()).isEqualTo("item");
    assertThat(view.getTargetEntityId()).isEqualTo("sdk-i1");

    EventScope scope = EventScope.of(PeerFixture.OTHER_APP);
    client.unsetUser("sdk-u1", List.of("plan"));
    Optional<PropertyMap> afterUnset = store.entityProperties().of(scope, "user", "sdk-u1", TimeRange.ALL);
    assertThat(afterUnset).isPresent();
    assertThat(afterUnset.get().fields().keys()).containsExactly("age");

    client.deleteUser("sdk-u1");
    assertThat(store.entityProperties().of(scope, "user", "sdk-u1", TimeRange.ALL)).isEmpty();
    assertThat(store.entityProperties().of(scope, "item", "sdk-i1", TimeRange.ALL)).isPresent();
    client.deleteItem("sdk-i1");
    assertThat(store.events().count(scope)).isEqualTo(6);
  }

  @Test
  void sdkSeesPredictionIoErrors() {
    assertThatThrownBy(() -> client.unsetUser("sdk-u1", List.of())).isInstanceOf(IllegalStateException.class)
        .hasMessage("property list cannot be empty");
    assertThatThrownBy(() -> client.getEvent("nope")).isInstanceOf(IOException.class)
        .hasMessage("{\"message\":\"Not Found\"}");
    EventClient wrongKey = new EventClient("nosuchkey", server.uri().toString());
    try {
      assertThatThrownBy(() -> wrongKey.setUser("u", Map.of("a", 1))).isInstanceOf(IOException.class)
          .hasMessage("401 {\"message\":\"Invalid accessKey.\"}");
    } finally {
      wrongKey.close();
    }
  }
}
