package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.server.ApiClient.Reply;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown: requests in flight when the server is told to stop (in process, and by SIGTERM to a real
 * {@code pio-data eventserver} process) complete with 201 and are stored; new connections are refused.
 */
class ShutdownIT {

  private static final Pattern LISTENING = Pattern.compile("Event server listening on [^:]+:(\\d+) .*ready in (\\d+) ms"
      + "(?:, (\\d+) ms after JVM start)?");
  private static final int IN_FLIGHT = 6;

  @TempDir
  Path directory;

  @Test
  void stopFinishesRequestsInFlightAndRefusesNewConnections() throws Exception {
    try (EventStore store = JdbcEventStore.open(sqlite())) {
      PeerFixture.seed(store);
      EventServer server = EventServer.start(EventServerConfig.defaults(new ListenAddress("127.0.0.1", 0))
          .withAccessLog(false).withStopTimeout(Duration.ofSeconds(10)), store);
      URI uri = server.uri();
      ApiClient api = new ApiClient(uri);
      List<CompletableFuture<Reply>> inFlight = startSlowRequests(api);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.requestsInFlight() < IN_FLIGHT && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(server.requestsInFlight()).as("requests in flight").isEqualTo(IN_FLIGHT);
      long begin = System.nanoTime();
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
      awaitRefused(uri);
      stopping.get(15, TimeUnit.SECONDS);
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
      for (CompletableFuture<Reply> request : inFlight) {
        assertThat(request.get(5, TimeUnit.SECONDS).status()).isEqualTo(201);
      }
      assertThat(store.events().count(EventScope.of(PeerFixture.APP))).isEqualTo(IN_FLIGHT);
    }
  }

  @Test
  void sigtermStopsTheProcessAfterRequestsInFlight() throws Exception {
    StorageSettings settings = sqlite();
    try (EventStore store = JdbcEventStore.open(settings)) {
      PeerFixture.seed(store);
    }
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.piobuildpack.core.cli.PioDataMain", "eventserver", "--ip", "127.0.0.1", "--port", "0",
        "--database-url", settings.jdbcUrl()).redirectErrorStream(true);
    builder.environment().remove(ListenAddress.PORT_VARIABLE);
    long spawned = System.nanoTime();
    Process process = builder.start();
    int created = 0;
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Matcher listening = awaitListening(output);
      long toServing = Duration.ofNanos(System.nanoTime() - spawned).toMillis();
      System.out.printf("event server process: spawn to serving %d ms; server ready in %s ms, %s ms after JVM start%n",
          toServing, listening.group(2), listening.group(3));
      URI uri = URI.create("http://127.0.0.1:" + listening.group(1));
      ApiClient api = new ApiClient(uri);
      assertThat(api.get("/").status()).isEqualTo(200);
      List<HeldRequest> held = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        // returns once the server's handler reads the body: the request is held by the server
        held.add(HeldRequest.open(uri, "/events.json?accessKey=" + PeerFixture.KEY,
            "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"held" + i + "\"}"));
      }
      process.destroy();
      awaitRefused(uri);
      for (HeldRequest request : held) {
        try (request) {
          RawExchange reply = request.finish();
          assertThat(reply.status()).as("%s", reply).isEqualTo(201);
          created++;
        }
      }
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
      assertThat(process.exitValue()).isEqualTo(143);
    } finally {
      process.destroyForcibly();
    }
    assertThat(created).as("requests held when SIGTERM came, answered 201").isEqualTo(IN_FLIGHT);
    try (EventStore store = JdbcEventStore.open(settings)) {
      assertThat(store.events().count(EventScope.of(PeerFixture.APP))).isEqualTo(IN_FLIGHT);
    }
  }

  private StorageSettings sqlite() {
    return StorageSettings.of("jdbc:sqlite:" + directory.resolve("pio.db"), null, null);
  }

  private static List<CompletableFuture<Reply>> startSlowRequests(ApiClient api) {
    List<CompletableFuture<Reply>> requests = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      String body = "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"slow" + i + "\"}";
      requests.add(CompletableFuture.supplyAsync(() -> api.send(api.request("/events.json?accessKey=" + PeerFixture.KEY)
          .header("Content-Type", "application/json").POST(SlowBody.of(body, 10, Duration.ofMillis(1500))))));
    }
    return requests;
  }

  /** A stopping server must refuse new requests (503, or the connection refused) within a few seconds. */
  private static void awaitRefused(URI uri) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int lastStatus = 0;
    while (System.nanoTime() < deadline) {
      try {
        Reply reply = new ApiClient(uri).get("/");
        lastStatus = reply.status();
        if (lastStatus == 503) {
          assertThat(reply.header("Content-Type")).as("%s", reply).isEqualTo("application/json; charset=UTF-8");
          assertThat(reply.body()).as("%s", reply).startsWith("{\"message\":\"");
          return;
        }
        assertThat(lastStatus).as("a new request while stopping").isEqualTo(200);
      } catch (UncheckedIOException e) {
        assertThat(e.getCause()).isInstanceOf(ConnectException.class);
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("new requests were still served 5 s after stop began (last status " + lastStatus + ")");
  }

  private static Matcher awaitListening(BufferedReader output) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        CompletableFuture.runAsync(() -> output.lines().forEach(l -> { }));
        return matcher;
      }
    }
    throw new AssertionError("the event server did not start:\n" + seen);
  }
}
