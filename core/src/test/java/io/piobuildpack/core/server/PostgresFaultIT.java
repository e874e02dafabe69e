package io.piobuildpack.core.server;

import io.piobuildpack.core.store.jdbc.PostgresTestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.server.ApiClient.Reply;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under load: its sessions are terminated ({@code pg_terminate_backend}) and for a while
 * it refuses connections. Requests meanwhile get 503 with a JSON message (never a 500, never a hang past the
 * pool timeout), the server recovers by itself, and every event acknowledged with 201 is in the database.
 */
class PostgresFaultIT {

  private static final int CLIENTS = 4;

  private PostgresTestDatabase database;
  private EventStore store;
  private EventServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    database = PostgresTestDatabase.create();
    store = JdbcEventStore.open(StorageSettings.of(database.jdbcUrl(), null, null));
    PeerFixture.seed(store);
    server = EventServer.start(EventServerConfig.defaults(new ListenAddress("127.0.0.1", 0)).withAccessLog(false)
        .withStorageRetryInterval(Duration.ofMillis(100)), store);
    api = new ApiClient(server.uri());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    store.close();
    database.allowConnections(true);
    database.close();
  }

  @Test
  void databaseOutageGives503ThenRecoversWithoutLosingAcknowledgedEvents() throws Exception {
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong lastCreatedAt = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> loops = new ArrayList<>();
    AtomicInteger sequence = new AtomicInteger();
    for (int c = 0; c < CLIENTS; c++) {
      loops.add(clients.submit(() -> {
        while (running.get()) {
          String body = "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u" + sequence.incrementAndGet() + "\"}";
          try {
            Reply reply = api.post("/events.json?accessKey=" + PeerFixture.KEY, body);
            statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
            if (reply.status() == 201) {
              acknowledged.add(reply.eventId());
              lastCreatedAt.set(System.nanoTime());
            } else if (reply.status() == 503) {
              assertThat(reply.body()).isEqualTo("{\"message\":\"The event store is unavailable; retry later.\"}");
              assertThat(reply.header("Retry-After")).isEqualTo("1");
              Thread.sleep(10);
            } else {
              unexpected.add(reply.toString());
            }
          } catch (UncheckedIOException e) {
            unexpected.add(e.toString());
          }
        }
        return null;
      }));
    }
    Thread.sleep(500);
    assertThat(database.terminateConnections()).as("sessions terminated").isPositive();
    Thread.sleep(500);
    database.allowConnections(false);
    database.terminateConnections();
    Thread.sleep(2_000);
    int duringOutage = acknowledged.size();
    database.allowConnections(true);
    long back = System.nanoTime();
    long deadline = back + TimeUnit.SECONDS.toNanos(15);
    while (lastCreatedAt.get() < back && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(lastCreatedAt.get() - back);
    Thread.sleep(300);
    running.set(false);
    for (Future<?> loop : loops) {
      loop.get(30, TimeUnit.SECONDS);
    }
    clients.shutdown();
    System.out.printf("fault test: statuses %s, %d acknowledged (%d before the database came back), first 201 %d ms"
        + " after it came back%n", statuses, acknowledged.size(), duringOutage, recoveryMillis);

    assertThat(unexpected).as("answers other than 201 and 503").isEmpty();
    assertThat(statuses.get(503)).as("503 answers").isNotNull();
    assertThat(lastCreatedAt.get()).as("a 201 after the database came back").isGreaterThan(back);
    assertThat(recoveryMillis).isLessThan(5_000);
    for (String id : acknowledged) {
      assertThat(store.events().get(EventScope.of(PeerFixture.APP), id)).as("acknowledged event %s", id).isPresent();
    }
    assertReply(api.get("/health.json"), 200);
  }

  private static void assertReply(Reply reply, int status) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
  }
}
