package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.server.ApiClient.Reply;
import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.testsupport.postgres.FreshPostgresDatabase;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL drops the server's sessions under load ({@code pg_terminate_backend}, what a managed database's
 * maintenance, a pooler restart or an idle-connection reaper does), and then refuses connections for a while.
 * A dropped session costs nothing but a retry on a fresh connection; only a database that refuses new
 * connections gets 503 — at once once the storage guard has tripped, never after the pool timeout — and every
 * event acknowledged with 201 is stored exactly once.
 */
@FreshPostgresDatabase(FreshPostgresDatabase.Scope.TEST)
class PostgresFaultIT {

  /** The pool's connection timeout ({@code JdbcEventStore}), the longest any request may wait. */
  private static final long POOL_TIMEOUT_MILLIS = 15_000;
  private static final Pattern EVENT_ID = Pattern.compile("\\{\"status\":201,\"eventId\":\"([0-9a-f]{32})\"}");
  private static final String REFUSED = "{\"message\":\"The event store is unavailable; retry later.\"}";

  private TestDatabase database;
  private EventStore store;
  private EventServer server;
  private ApiClient api;

  @BeforeEach
  void start(TestDatabase fresh) {
    database = fresh;
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
  }

  @Test
  void killingTheServersSessionsUnderLoadRefusesAlmostNothingAndStoresEachAcknowledgedEventOnce()
      throws Exception {
    Load load = Load.start(api, 8, 40_000);
    load.awaitAnswers(r -> r.status() == 201, 200);
    List<Integer> terminated = new ArrayList<>();
    for (int kill = 0; kill < 4; kill++) {
      Thread.sleep(2_000); // the kill pattern itself: four terminations in eight seconds
      terminated.add(database.terminateConnections());
    }
    Thread.sleep(500);
    List<Answer> answers = load.stop();

    long refused = count(answers, a -> a.status() == 503);
    Set<String> acknowledged = answers.stream().filter(a -> a.status() == 201).map(Answer::eventId)
        .collect(Collectors.toSet());
    List<Event> stored = storedEvents();
    Set<String> storedIds = stored.stream().map(Event::eventId).collect(Collectors.toSet());
    long distinctEntities = stored.stream().map(Event::entityId).distinct().count();
    System.out.printf("kill test: %d requests, statuses %s, %d rows stored (%d distinct requests), sessions "
        + "terminated per kill %s%n", answers.size(), statuses(answers), stored.size(), distinctEntities, terminated);

    assertThat(terminated).as("sessions terminated by each kill").allSatisfy(n -> assertThat(n).isPositive());
    assertThat(answers).as("answers other than 201 and 503").allSatisfy(a -> assertThat(a.status()).isIn(201, 503));
    assertThat(refused).as("503 answers of %d requests", answers.size()).isLessThan(answers.size() / 100);
    assertThat(storedIds).as("acknowledged events stored").containsAll(acknowledged);
    assertThat(distinctEntities).as("requests stored once each").isEqualTo(stored.size());
    assertThat((long) stored.size()).as("rows: acknowledged plus at most the refused")
        .isBetween((long) acknowledged.size(), acknowledged.size() + refused);
  }

  @Test
  void killingTheServersSessionsUnderMixedLoadRefusesAlmostNothingOnAnyStoragePath() throws Exception {
    String key = "?accessKey=" + PeerFixture.KEY;
    Load load = Load.start(6, 20_000, (n, answers) -> {
      String batch = "[" + IntStream.range(0, 3).mapToObj(i -> "{\"event\":\"view\",\"entityType\":\"user\","
          + "\"entityId\":\"b" + n + "\",\"properties\":{\"i\":" + i + "}}").collect(Collectors.joining(",")) + "]";
      Reply posted = timed(answers, () -> api.post("/batch/events.json" + key, batch));
      if (posted.status() != 200) {
        return;
      }
      List<String> ids = EVENT_ID.matcher(posted.body()).results().map(m -> m.group(1)).toList();
      if (ids.size() != 3) {
        answers.add(new Answer(0, 0, 207, posted.body(), null)); // an item that was not stored
        return;
      }
      timed(answers, () -> api.get("/events/" + ids.get(0) + ".json" + key));
      timed(answers, () -> api.delete("/events/" + ids.get(1) + ".json" + key));
      timed(answers, () -> api.get("/events.json" + key + "&entityType=user&entityId=b" + n));
    });
    load.awaitAnswers(r -> r.status() == 200, 200);
    List<Integer> terminated = new ArrayList<>();
    for (int kill = 0; kill < 4; kill++) {
      Thread.sleep(2_000); // the kill pattern itself: four terminations in eight seconds
      terminated.add(database.terminateConnections());
    }
    Thread.sleep(500);
    List<Answer> answers = load.stop();

    long refused = count(answers, a -> a.status() == 503);
    System.out.printf("mixed kill test: %d requests (batch, get, delete, find), statuses %s, sessions terminated per"
        + " kill %s%n", answers.size(), statuses(answers), terminated);
    assertThat(terminated).as("sessions terminated by each kill").allSatisfy(n -> assertThat(n).isPositive());
    assertThat(answers).as("answers other than 200 and 503")
        .allSatisfy(a -> assertThat(a.status()).as("%s", a).isIn(200, 503));
    assertThat(refused).as("503 answers of %d requests", answers.size()).isLessThan(answers.size() / 100);
  }

  private static Reply timed(Queue<Answer> answers, java.util.function.Supplier<Reply> request) {
    long start = System.nanoTime();
    Reply reply = request.get();
    answers.add(new Answer(start, System.nanoTime(), reply.status(), reply.body(), null));
    return reply;
  }

  @Test
  void databaseOutageGives503ThenRecoversWithoutLosingAcknowledgedEvents() throws Exception {
    Load load = Load.start(api, 4, 100_000);
    load.awaitAnswers(r -> r.status() == 201, 100);
    assertThat(database.terminateConnections()).as("sessions terminated while the database is up").isPositive();
    load.awaitAnswers(r -> r.status() == 201, load.count(r -> r.status() == 201) + 50);

    database.allowConnections(false);
    assertThat(database.terminateConnections()).as("sessions terminated as the database goes down").isPositive();
    long down = System.nanoTime();
    assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl()).close())
        .as("a new connection during the outage").isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("55000"));
    load.awaitAnswers(r -> r.status() == 503 && r.end() > down, 1);
    long tripped = load.answers().stream().filter(r -> r.status() == 503).mapToLong(Answer::end).min()
        .orElseThrow();
    load.awaitAnswers(r -> r.status() == 503 && r.start() > tripped, 50);
    database.allowConnections(true);
    long back = System.nanoTime();
    load.awaitAnswers(r -> r.status() == 201 && r.start() > back, 20);
    List<Answer> answers = load.stop();

    List<Answer> whileDown = answers.stream().filter(a -> a.start() > tripped && a.end() < back).toList();
    long maxLatencyMillis = answers.stream().mapToLong(Answer::latencyMillis).max().orElseThrow();
    long maxTrippedMillis = whileDown.stream().mapToLong(Answer::latencyMillis).max().orElseThrow();
    System.out.printf("outage test: %d requests, statuses %s, %d answered while the guard was open (slowest %d ms),"
        + " slowest request %d ms, first 503 %d ms after the database went down%n", answers.size(),
        statuses(answers), whileDown.size(), maxTrippedMillis, maxLatencyMillis,
        TimeUnit.NANOSECONDS.toMillis(tripped - down));

    assertThat(answers).as("answers other than 201 and 503").allSatisfy(a -> assertThat(a.status()).isIn(201, 503));
    assertThat(answers).filteredOn(a -> a.status() == 503).as("503 bodies")
        .allSatisfy(a -> assertThat(a.body()).isEqualTo(REFUSED));
    assertThat(whileDown).as("answers while the database refused connections").hasSizeGreaterThanOrEqualTo(50)
        .allSatisfy(a -> assertThat(a.status()).isEqualTo(503));
    assertThat(maxTrippedMillis).as("slowest answer once the guard tripped, ms").isLessThan(250);
    assertThat(maxLatencyMillis).as("slowest answer, ms").isLessThan(POOL_TIMEOUT_MILLIS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(tripped - down)).as("first 503 after the outage began, ms")
        .isLessThan(POOL_TIMEOUT_MILLIS);
    Set<String> storedIds = storedEvents().stream().map(Event::eventId).collect(Collectors.toSet());
    assertThat(storedIds).as("acknowledged events stored")
        .containsAll(answers.stream().filter(a -> a.status() == 201).map(Answer::eventId).toList());
    assertThat(api.get("/health.json").status()).isEqualTo(200);
  }

  private List<Event> storedEvents() {
    try (Stream<Event> events = store.events().find(EventScope.of(PeerFixture.APP), EventQuery.ALL)) {
      return events.toList();
    }
  }

  private static long count(List<Answer> answers, Predicate<Answer> filter) {
    return answers.stream().filter(filter).count();
  }

  private static Map<Integer, Long> statuses(List<Answer> answers) {
    return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
  }

  /** One request: its start and end ({@link System#nanoTime()}), status, body and acknowledged event id. */
  record Answer(long start, long end, int status, String body, String eventId) {

    long latencyMillis() {
      return TimeUnit.NANOSECONDS.toMillis(end - start);
    }
  }

  /** One client step: requests numbered {@code n}, each answer added to {@code answers}. */
  @FunctionalInterface
  interface Step {
    void run(int n, Queue<Answer> answers);
  }

  /** Clients posting single events, each with its own entity id, until stopped or a request count is reached. */
  private static final class Load {

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Future<?>> loops = new ArrayList<>();
    private final ExecutorService clients;

    private Load(int clients) {
      this.clients = Executors.newFixedThreadPool(clients);
    }

    /** Clients posting single events. */
    static Load start(ApiClient api, int clients, int maxRequests) {
      return start(clients, maxRequests, (n, answers) -> {
        String body = "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u" + n + "\"}";
        long start = System.nanoTime();
        Reply reply = api.post("/events.json?accessKey=" + PeerFixture.KEY, body);
        answers.add(new Answer(start, System.nanoTime(), reply.status(), reply.body(),
            reply.status() == 201 ? reply.eventId() : null));
      });
    }

    /** Clients each running {@code step} with a new sequence number until stopped or {@code maxSteps} ran. */
    static Load start(int clients, int maxSteps, Step step) {
      Load load = new Load(clients);
      for (int c = 0; c < clients; c++) {
        load.loops.add(load.clients.submit(() -> load.run(maxSteps, step)));
      }
      return load;
    }

    private Void run(int maxSteps, Step step) {
      int n;
      while (running.get() && (n = sequence.incrementAndGet()) <= maxSteps) {
        try {
          step.run(n, answers);
        } catch (UncheckedIOException e) {
          failures.add(e.toString());
        }
      }
      return null;
    }

    List<Answer> answers() {
      return List.copyOf(answers);
    }

    int count(Predicate<Answer> filter) {
      return (int) answers.stream().filter(filter).count();
    }

    /** Waits (at most 20 s) until {@code atLeast} answers match. */
    void awaitAnswers(Predicate<Answer> filter, int atLeast) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (count(filter) < atLeast) {
        assertThat(System.nanoTime()).as("%d matching answers in time; got %s", atLeast, statuses(answers()))
            .isLessThan(deadline);
        assertThat(failures).as("requests without an answer").isEmpty();
        Thread.sleep(5);
      }
    }

    List<Answer> stop() throws Exception {
      running.set(false);
      for (Future<?> loop : loops) {
        loop.get(30, TimeUnit.SECONDS);
      }
      clients.shutdown();
      assertThat(failures).as("requests without an answer").isEmpty();
      return answers();
    }
  }
}
