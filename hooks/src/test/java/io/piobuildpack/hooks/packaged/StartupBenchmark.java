package io.piobuildpack.hooks.packaged;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.server.MinimalHttpServer;
import io.piobuildpack.core.server.MinimalJettyServer;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up of {@code pio-data eventserver} as users start it (the {@code pio-data} launcher, with its class-data
 * archive) and as a plain {@code java -jar}, on PostgreSQL and on the embedded SQLite store,
 * beside two baselines started the same way in the same run: Jetty 12 with one handler and no storage, and the
 * JDK's HTTP server. Configurations take turns, round after round, so a noisy machine slows them alike; the table
 * gives medians. Times run from spawning the process to the first {@code 200} for {@code GET /} and, for the event
 * server, to the first {@code 201} for a posted event; "JVM uptime" is the server's own figure when it starts
 * serving. Every JVM gets Heroku's standard-1X options.
 *
 * <p>Run from the repository root after {@code ./mvnw -q -pl hooks -am install -DskipTests} (the packaged jar, and
 * core's test jar for the baselines): {@code ./mvnw -q -pl hooks dependency:build-classpath
 * -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test} then {@code java -cp hooks/target/test-classes:$(cat
 * hooks/cp.txt) io.piobuildpack.hooks.packaged.StartupBenchmark [rounds]}.
 */
public final class StartupBenchmark {

  private static final List<String> HEROKU_JVM_OPTIONS = List.of("-Xmx300m", "-Xss512k", "-XX:CICompilerCount=2");
  private static final String KEY = "startupBenchmarkKey";
  private static final String EVENT = "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}";
  private static final Pattern UPTIME = Pattern.compile("(\\d+) ms after JVM start");
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

  private StartupBenchmark() {}

  /** One way of starting a server: the command for a port, and whether it is our event server. */
  private record Setup(String name, List<String> command, Map<String, String> env, boolean eventServer) {}

  /** One start: milliseconds from spawn to the first 200, to the first 201 (-1 if not asked) and JVM uptime. */
  private record Start(long alive, long created, long uptime) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    Path root = repositoryRoot();
    Path jar = root.resolve("hooks/target/pio-data.jar");
    Path sqliteDir = Files.createTempDirectory("startup-benchmark");
    try (TestDatabase database = TestDatabase.create()) {
      String postgres = database.jdbcUrl();
      String sqlite = "jdbc:sqlite:" + sqliteDir.resolve("pio.db");
      seed(postgres);
      seed(sqlite);
      List<Setup> setups = List.of(
          launcher("pio-data eventserver (launcher), PostgreSQL", root, postgres),
          launcher("pio-data eventserver (launcher), SQLite", root, sqlite),
          plain("java -jar pio-data.jar eventserver, PostgreSQL", jar, postgres),
          plain("java -jar pio-data.jar eventserver, SQLite", jar, sqlite),
          baseline("baseline: Jetty 12, one handler, no storage", MinimalJettyServer.class),
          baseline("baseline: JDK HttpServer, no storage", MinimalHttpServer.class));
      // The launcher records its class-data archive on its first start; that start is not measured.
      start(setups.get(0));
      Map<Setup, List<Start>> results = new LinkedHashMap<>();
      setups.forEach(setup -> results.put(setup, new ArrayList<>()));
      for (int round = 0; round < rounds; round++) {
        for (Setup setup : setups) {
          results.get(setup).add(start(setup));
        }
      }
      print(results, rounds);
    } finally {
      try (var files = Files.list(sqliteDir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(sqliteDir);
    }
  }

  private static Setup launcher(String name, Path root, String jdbcUrl) {
    return new Setup(name, List.of(root.resolve("pio-data").toString(), "eventserver", "--ip", "127.0.0.1",
        "--database-url", jdbcUrl, "--port"), Map.of("PIO_DATA_JAVA_OPTS", String.join(" ", HEROKU_JVM_OPTIONS)),
        true);
  }

  private static Setup plain(String name, Path jar, String jdbcUrl) {
    List<String> command = new ArrayList<>(java());
    command.addAll(List.of("-jar", jar.toString(), "eventserver", "--ip", "127.0.0.1", "--database-url", jdbcUrl,
        "--port"));
    return new Setup(name, command, Map.of(), true);
  }

  private static Setup baseline(String name, Class<?> main) {
    List<String> command = new ArrayList<>(java());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    return new Setup(name, command, Map.of(), false);
  }

  private static List<String> java() {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(HEROKU_JVM_OPTIONS);
    return command;
  }

  private static void seed(String jdbcUrl) {
    try (EventStore store = JdbcEventStore.open(StorageSettings.of(jdbcUrl, null, null))) {
      store.apps().create(NewApp.named("StartupBenchmark").withAccessKey(KEY));
    }
  }

  private static Start start(Setup setup) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(setup.command());
    command.add(Integer.toString(port));
    Path log = Files.createTempFile("startup-benchmark", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("PORT");
    builder.environment().putAll(setup.env());
    long spawned = System.nanoTime();
    Process process = builder.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      long alive = awaitStatus(process, base.resolve("/"), null, 200, spawned, log);
      long created = setup.eventServer()
          ? awaitStatus(process, base.resolve("/events.json?accessKey=" + KEY), EVENT, 201, spawned, log) : -1;
      Matcher uptime = UPTIME.matcher(Files.readString(log, StandardCharsets.UTF_8));
      return new Start(alive, created, uptime.find() ? Long.parseLong(uptime.group(1)) : -1);
    } finally {
      process.destroy();
      process.waitFor();
      Files.deleteIfExists(log);
    }
  }

  /** Milliseconds from spawn until the request is first answered with the status; retries refused connections. */
  private static long awaitStatus(Process process, URI uri, String json, int status, long spawned, Path log)
      throws Exception {
    while (System.nanoTime() - spawned < GIVE_UP_NANOS) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      Integer answered = request(uri, json);
      if (answered != null && answered == status) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
      }
      if (answered != null) {
        throw new IllegalStateException(uri + " answered " + answered + ", expected " + status);
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("no answer from " + uri + " within 60 s: "
        + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The status, or null when nothing listens yet. */
  private static Integer request(URI uri, String json) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setConnectTimeout(1000);
    connection.setReadTimeout(10_000);
    connection.setRequestProperty("Connection", "close");
    try {
      if (json != null) {
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream body = connection.getOutputStream()) {
          body.write(json.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = connection.getResponseCode();
      try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (body != null) {
          body.readAllBytes();
        }
      }
      return status;
    } catch (ConnectException e) {
      return null;
    } finally {
      connection.disconnect();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("hooks/target/pio-data.jar"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("hooks/target/pio-data.jar not found above the working directory:"
          + " run ./mvnw -q -pl hooks -am package -DskipTests first");
    }
    return dir;
  }

  private static void print(Map<Setup, List<Start>> results, int rounds) {
    System.out.printf("%nStart-up, %d rounds, medians (min-max), machine: %d CPUs, %s%n", rounds,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
    System.out.printf("%-48s %20s %14s %16s%n", "server", "spawn→GET / 200 ms", "→POST 201 ms", "JVM uptime ms");
    long jetty = median(results.entrySet().stream().filter(e -> e.getKey().name().contains("Jetty"))
        .findFirst().orElseThrow().getValue(), Start::alive);
    for (Map.Entry<Setup, List<Start>> row : results.entrySet()) {
      List<Start> starts = row.getValue();
      long alive = median(starts, Start::alive);
      System.out.printf("%-48s %7d (%4d-%4d) %14s %16s   %.2f× Jetty baseline%n", row.getKey().name(), alive,
          starts.stream().mapToLong(Start::alive).min().orElse(-1),
          starts.stream().mapToLong(Start::alive).max().orElse(-1),
          row.getKey().eventServer() ? Long.toString(median(starts, Start::created)) : "-",
          row.getKey().eventServer() ? Long.toString(median(starts, Start::uptime)) : "-",
          (double) alive / jetty);
    }
  }

  private static long median(List<Start> starts, ToLongFunction<Start> figure) {
    List<Long> values = new ArrayList<>(starts.stream().map(figure::applyAsLong).toList());
    Collections.sort(values);
    return values.get(values.size() / 2);
  }
}
