package io.piobuildpack.core.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.core.store.jdbc.ImportBenchmark;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark suite behind {@code bench/run}: every hot path of the toolkit beside its baselines, measured in one
 * run on one machine, printed as one Markdown table and written as JSON. Not a test.
 *
 * <p>Baselines, each in the same run: raw JDBC (and pgbench when it is on the PATH) issuing the same INSERTs and
 * SELECT at the same concurrency; {@link MinimalIngestServer} (the same HTTP stack and pool, a fixed row per
 * request); Apache PredictionIO 0.10.0-incubating's own event server when {@code --pio010-lib DIR} names a
 * directory of its published jars; {@code psql \copy} for import; {@code ./pio-data --version} for the launcher's
 * fixed cost. Every server runs as its own process on 127.0.0.1 with a 512 MB container's memory
 * ({@code PIO_CONTAINER_MEMORY_MB=512} for the shipped launcher, {@code -XX:MaxRAM=512m} for the others). Every
 * load is bounded by a time cap; the loader refuses anything but loopback because it only ever builds
 * {@code 127.0.0.1} URLs.
 *
 * <p>Arguments: {@code --root DIR} (the checkout, for {@code ./pio-data}), {@code --out DIR} (where
 * {@code bench.json}, {@code bench.md} and the server logs go), {@code --quick} (shorter loads, 100,000 events
 * imported), {@code --import-events N}, {@code --seconds S} (measuring time per load), {@code --pio010-lib DIR}.
 * PostgreSQL is reached as in the tests ({@code PIO_TEST_DATABASE_URL}); a scratch database is created and dropped.
 */
public final class BenchSuite {

  private static final int TIME_CAP_SECONDS = 120;
  private static final int ENTITIES = 1000;
  private static final int READ_ROWS = 100_000;
  private static final int START_ROUNDS = 5;
  private static final String SINGLE = "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u%d\","
      + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i%d\",\"properties\":{\"rating\":4}}";
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
  private static final String BASELINE_JVM = "-XX:MaxRAM=512m";

  private final Options options;
  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();

  private BenchSuite(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    new BenchSuite(Options.parse(args)).run();
  }

  private void run() throws Exception {
    Files.createDirectories(options.out);
    json.put("date", Instant.now().toString());
    json.put("machine", machine());
    json.put("loadAverageStart", loadAverage());
    log("machine: " + json.get("machine") + "; load average " + loadAverage());
    Map<String, Server> servers = new LinkedHashMap<>();
    Map<Kind, long[]> starts;
    Ceilings ceilings;
    try (TestDatabase database = TestDatabase.create()) {
      String url = database.jdbcUrl();
      StorageSettings settings = StorageSettings.of(url, null, null);
      try (JdbcEventStore store = JdbcEventStore.open(settings)) {
        for (Kind kind : Kind.values()) {
          store.apps().create(NewApp.named("Bench" + kind.app).withId(kind.app).withAccessKey(kind.key()));
          store.apps().create(NewApp.named("BenchRead" + kind.app).withId(kind.readApp()).withAccessKey(
              kind.readKey()));
        }
      }
      seedReadTables(url);
      log("ceilings: raw JDBC" + (onPath("pgbench") ? " and pgbench" : " (pgbench not on the PATH)"));
      ceilings = ceilings(url);
      primeLauncher(url);
      servers.put("minimal", measureServer(Kind.MINIMAL, url));
      // A/B interleaved as A B B A (A B when quick), each side reported as the pool of its runs
      Server a = measureServer(Kind.OURS, url);
      Server b = measureServer(Kind.OURS_B, url);
      if (!options.quick) {
        b = b.pooledWith(measureServer(Kind.OURS_B, url));
        a = a.pooledWith(measureServer(Kind.OURS, url));
      }
      servers.put("ours", a);
      servers.put("oursB", b);
      starts = startRounds(url);
      if (options.pio010Lib != null) {
        servers.put("pio010", measureServer(Kind.PIO010, url));
      } else {
        log("PredictionIO 0.10 column absent: no --pio010-lib DIR (or PIO_BENCH_PIO010_LIB) given");
      }
    }
    log("import of " + options.importEvents + " events (PostgreSQL and SQLite) vs psql \\copy");
    ImportBenchmark.Result imported = ImportBenchmark.measure(options.importEvents);
    Launch loadData = loadDataNothingToDo();
    tabulate(ceilings, servers, imported, loadData, starts);
    json.put("loadAverageEnd", loadAverage());
    json.put("rows", rows);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    mapper.writeValue(options.out.resolve("bench.json").toFile(), json);
    String table = markdown();
    Files.writeString(options.out.resolve("bench.md"), table);
    System.out.println();
    System.out.println(table);
    System.out.println("JSON: " + options.out.resolve("bench.json"));
  }

  // ---------------------------------------------------------------- ceilings

  private record Ceilings(Load jdbc8, Load jdbc32, Load jdbcBatch, Load jdbcGet, double pgbench8, double pgbench32,
      double pgbenchBatchRows) {}

  private Ceilings ceilings(String url) throws Exception {
    String table = "pio_event_" + Kind.JDBC.app;
    Load jdbc8 = timed(d -> jdbc(url, table, 8, 1, d));
    Load jdbc32 = timed(d -> jdbc(url, table, 32, 1, d));
    Load jdbcBatch = timed(d -> jdbc(url, table, 8, 50, d));
    Load jdbcGet = timed(d -> jdbcGet(url, "pio_event_" + Kind.JDBC.readApp(), 8, d));
    double pg8 = Double.NaN;
    double pg32 = Double.NaN;
    double pgBatch = Double.NaN;
    if (onPath("pgbench")) {
      pg8 = pgbench(url, table, 8, 1);
      pg32 = pgbench(url, table, 32, 1);
      pgBatch = pgbench(url, table, 8, 50) * 50;
    }
    return new Ceilings(jdbc8, jdbc32, jdbcBatch, jdbcGet, pg8, pg32, pgBatch);
  }

  /** Warm-up then measurement of the same load. */
  private Load timed(LoadRun run) throws Exception {
    run.run(options.warmUp);
    return run.run(options.measure);
  }

  @FunctionalInterface
  private interface LoadRun {
    Load run(Duration duration) throws Exception;
  }

  private double pgbench(String url, String table, int clients, int rowsPerStatement) throws Exception {
    Path script = Files.createTempFile(options.out, "pgbench", ".sql");
    StringBuilder sql = new StringBuilder("INSERT INTO " + table + " VALUES ");
    for (int i = 0; i < rowsPerStatement; i++) {
      sql.append(i == 0 ? "" : ",").append("(md5(random()::text || clock_timestamp()::text || '").append(i)
          .append("'), 'rate', 'user', 'u1', 'item', 'i1', '{\"rating\":4}', now(), 'UTC', NULL, NULL, now(), 'UTC')");
    }
    Files.writeString(script, sql.append(";\n").toString());
    Matcher target = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(\\?.*)?$").matcher(url);
    if (!target.matches()) {
      throw new IllegalStateException("cannot turn " + url + " into pgbench arguments");
    }
    List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-c", Integer.toString(clients), "-j", "2",
        "-T", Long.toString(Math.max(1, options.measure.toSeconds())), "-f", script.toString(), "-h",
        target.group(1), "-p", target.group(2) == null ? "5432" : target.group(2)));
    String user = parameter(target.group(4), "user");
    if (user != null) {
      command.addAll(List.of("-U", user));
    }
    command.add(target.group(3));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(TIME_CAP_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
      log("pgbench failed: " + output);
      return Double.NaN;
    }
    Files.delete(script);
    Matcher tps = TPS.matcher(output);
    return tps.find() ? Double.parseDouble(tps.group(1)) : Double.NaN;
  }

  // ---------------------------------------------------------------- servers

  /** The servers measured, each with its own app (id) and access key, so no two write to the same table. */
  private enum Kind {
    OURS("this project", 11),
    OURS_B("this project, A' or B", 12),
    MINIMAL("minimal server", 13),
    PIO010("PredictionIO 0.10", 14),
    JDBC("raw JDBC", 15);

    final String label;
    final int app;

    Kind(String label, int app) {
      this.label = label;
      this.app = app;
    }

    String key() {
      return "benchKey" + app;
    }

    /** The app whose table every server reads from: the same seeded rows for each. */
    int readApp() {
      return app + 10;
    }

    String readKey() {
      return "benchReadKey" + app;
    }
  }

  private record Server(String name, long startupMillis, long rssIdleKb, Load single8, Load single32, Load batch,
      Load get, long rssLoadedKb, long posted, long stored, double cpuMicrosPerSingle, double cpuMicrosPerBatched,
      String notes) {

    /** Two runs of the same server as one: loads pooled, the mean start-up, the larger RSS, the smaller count. */
    Server pooledWith(Server other) {
      return new Server(name, (startupMillis + other.startupMillis) / 2, Math.max(rssIdleKb, other.rssIdleKb),
          single8.pooledWith(other.single8), single32.pooledWith(other.single32), batch.pooledWith(other.batch),
          get.pooledWith(other.get), Math.max(rssLoadedKb, other.rssLoadedKb), posted + other.posted,
          Math.min(stored, other.stored), (cpuMicrosPerSingle + other.cpuMicrosPerSingle) / 2,
          (cpuMicrosPerBatched + other.cpuMicrosPerBatched) / 2, notes);
    }
  }

  /** The process of a server kind listening on 127.0.0.1:{@code port}, its output going to a log file. */
  private ProcessBuilder serverProcess(Kind kind, String url, int port) throws IOException {
    List<String> command = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    switch (kind) {
      case OURS, OURS_B -> {
        command.addAll(List.of(options.root.resolve("pio-data").toString(), "eventserver", "--ip", "127.0.0.1",
            "--port", Integer.toString(port), "--database-url", url + (kind == Kind.OURS_B && !options.variantB.isEmpty()
            ? (url.contains("?") ? "&" : "?") + options.variantB : "")));
        env.put("PIO_CONTAINER_MEMORY_MB", "512");
      }
      case MINIMAL -> command.addAll(List.of(javaBin, BASELINE_JVM, "-cp", System.getProperty("java.class.path"),
          MinimalIngestServer.class.getName(), Integer.toString(port), url, "pio_event_" + kind.app,
          "pio_event_" + kind.readApp()));
      case PIO010 -> {
        command.addAll(List.of(javaBin, BASELINE_JVM, "-cp", options.pio010Lib + "/*" + File.pathSeparator
            + System.getProperty("java.class.path"), PredictionIo010Server.class.getName(), Integer.toString(port)));
        Matcher target = Pattern.compile("^jdbc:postgresql://([^?]+)(\\?.*)?$").matcher(url);
        target.matches();
        String repository = "PIO_STORAGE_REPOSITORIES_";
        for (String name : List.of("METADATA", "EVENTDATA", "MODELDATA")) {
          env.put(repository + name + "_NAME", "pio_" + (name.equals("EVENTDATA") ? "event" : name.equals("METADATA")
              ? "meta" : "model"));
          env.put(repository + name + "_SOURCE", "PGSQL");
        }
        env.put("PIO_STORAGE_SOURCES_PGSQL_TYPE", "jdbc");
        env.put("PIO_STORAGE_SOURCES_PGSQL_URL", "jdbc:postgresql://" + target.group(1));
        String user = parameter(target.group(2), "user");
        env.put("PIO_STORAGE_SOURCES_PGSQL_USERNAME", user == null ? "postgres" : user);
        String password = parameter(target.group(2), "password");
        env.put("PIO_STORAGE_SOURCES_PGSQL_PASSWORD", password == null ? "" : password);
      }
      default -> throw new IllegalArgumentException(kind.toString());
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(options.out.resolve("server-" + kind.name().toLowerCase(Locale.ROOT) + ".log").toFile())
        .directory(options.root.toFile());
    for (String variable : List.of("PORT", "DATABASE_URL", "PIO_DATA_JAVA_OPTS")) {
      builder.environment().remove(variable);
    }
    builder.environment().keySet().removeIf(name -> name.startsWith("PIO_STORAGE_"));
    builder.environment().putAll(env);
    return builder;
  }

  private Server measureServer(Kind kind, String url) throws Exception {
    int port = freePort();
    String notes = kind == Kind.OURS_B && !options.variantB.isEmpty() ? "URL parameters " + options.variantB : "";
    log("server: " + kind.label + " on 127.0.0.1:" + port);
    ProcessBuilder builder = serverProcess(kind, url, port);
    String table = "pio_event_" + kind.app;
    long before = count(url, table);
    long spawned = System.nanoTime();
    Process process = builder.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      long startup = awaitAlive(base, process, spawned);
      long pid = javaPid(process);
      Thread.sleep(1000);
      long rssIdle = rssKb(pid);
      String key = kind.key();
      http(base, key, Mode.SINGLE, 8, options.warmUp);
      long cpuBefore = cpuMillis(pid);
      Load single8 = http(base, key, Mode.SINGLE, 8, options.measure);
      double cpuPerSingle = (cpuMillis(pid) - cpuBefore) * 1000.0 / Math.max(1, single8.events);
      Load single32 = timed(d -> http(base, key, Mode.SINGLE, 32, d));
      http(base, key, Mode.BATCH, 8, options.warmUp);
      cpuBefore = cpuMillis(pid);
      Load batch = http(base, key, Mode.BATCH, 8, options.measure);
      double cpuPerBatched = (cpuMillis(pid) - cpuBefore) * 1000.0 / Math.max(1, batch.events);
      long posted = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIME_CAP_SECONDS);
      // events stored through this process, warm-ups included
      long stored = count(url, table) - before;
      while (stored < options.fillEvents && System.nanoTime() < deadline) {
        posted += http(base, key, Mode.BATCH, 8, Duration.ofSeconds(2)).events;
        stored = count(url, table) - before;
      }
      long rssLoaded = rssKb(pid);
      Load get = timed(d -> http(base, kind.readKey(), Mode.GET, 8, d));
      log(String.format(Locale.ROOT, "  %s: single %.0f/s p99 %.1f ms, batch %.0f ev/s, RSS %d -> %d MiB, %d stored",
          kind.label, single8.perSecond(), single8.p99Millis(), batch.perSecond(), rssIdle / 1024, rssLoaded / 1024,
          stored));
      return new Server(kind.label, startup, rssIdle, single8, single32, batch, get, rssLoaded, posted, stored,
          cpuPerSingle, cpuPerBatched, notes);
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /**
   * Gives every server's read app the same {@value #READ_ROWS} rows: {@value #ENTITIES} users with
   * {@code READ_ROWS / ENTITIES} events each, one second apart, so {@code GET /events.json} by entity reads the
   * same data everywhere.
   */
  private static void seedReadTables(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      for (Kind kind : Kind.values()) {
        statement.execute("INSERT INTO pio_event_" + kind.readApp() + " SELECT md5(i::text), 'rate', 'user', "
            + "'u' || (i % " + ENTITIES + "), 'item', 'i' || (i % 97), '{\"rating\":4}', "
            + "timestamp '2024-01-01' + i * interval '1 second', 'UTC', NULL, NULL, now(), 'UTC' "
            + "FROM generate_series(1, " + READ_ROWS + ") AS i");
        statement.execute("ANALYZE pio_event_" + kind.readApp());
      }
    }
  }

  /** Start to first 200, this project's launcher and the minimal server taking turns; sorted milliseconds. */
  private Map<Kind, long[]> startRounds(String url) throws Exception {
    log("start-up: " + START_ROUNDS + " rounds, the launcher and the minimal server taking turns");
    Map<Kind, long[]> millis = new LinkedHashMap<>();
    for (Kind kind : List.of(Kind.OURS, Kind.MINIMAL)) {
      millis.put(kind, new long[START_ROUNDS]);
    }
    for (int round = 0; round < START_ROUNDS; round++) {
      for (Kind kind : millis.keySet()) {
        int port = freePort();
        long spawned = System.nanoTime();
        Process process = serverProcess(kind, url, port).start();
        try {
          millis.get(kind)[round] = awaitAlive(URI.create("http://127.0.0.1:" + port), process, spawned);
        } finally {
          process.destroy();
          process.waitFor(20, TimeUnit.SECONDS);
        }
      }
    }
    millis.values().forEach(Arrays::sort);
    return millis;
  }

  /** Runs the launcher once so it records its class-data archive before start-up is timed. */
  private void primeLauncher(String url) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(options.root.resolve("pio-data").toString(), "eventserver",
        "--self-test", "--database-url", url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PIO_CONTAINER_MEMORY_MB", "512");
    builder.environment().remove("PIO_DATA_JAVA_OPTS");
    Process process = builder.start();
    if (!process.waitFor(TIME_CAP_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static long awaitAlive(URI base, Process process, long spawned) throws Exception {
    long deadline = spawned + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue() + " before answering");
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) base.resolve("/").toURL().openConnection();
        connection.setConnectTimeout(200);
        connection.setReadTimeout(2000);
        if (connection.getResponseCode() == 200) {
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
          connection.getInputStream().readAllBytes();
          connection.disconnect();
          return millis;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no 200 on GET / within 60 s");
  }

  /** The JVM's pid: the launcher {@code exec}s java, so it is the spawned process itself. */
  private static long javaPid(Process process) {
    return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
        .map(ProcessHandle::pid).orElse(process.pid());
  }

  private enum Mode { SINGLE, BATCH, GET }

  private static Load http(URI base, String key, Mode mode, int clients, Duration duration) throws Exception {
    AtomicLong sequence = new AtomicLong();
    String target = switch (mode) {
      case SINGLE -> "/events.json?accessKey=" + key;
      case BATCH -> "/batch/events.json?accessKey=" + key;
      case GET -> "/events.json?accessKey=" + key + "&entityType=user&entityId=u";
    };
    int expected = mode == Mode.SINGLE ? 201 : 200;
    return parallel(clients, duration, mode == Mode.BATCH ? 50 : 1, () -> {
      KeepAliveConnection connection = new KeepAliveConnection(base.getHost(), base.getPort());
      return new Client() {
        @Override
        public boolean request() throws Exception {
          int status = switch (mode) {
            case SINGLE -> connection.post(target, single(sequence.incrementAndGet()));
            case BATCH -> connection.post(target, batch(sequence));
            case GET -> connection.get(target + ThreadLocalRandom.current().nextInt(ENTITIES));
          };
          return status == expected;
        }

        @Override
        public void close() throws java.io.IOException, java.sql.SQLException {
          connection.close();
        }
      };
    });
  }

  private static String single(long n) {
    return String.format(Locale.ROOT, SINGLE, n % ENTITIES, n % 97);
  }

  private static String batch(AtomicLong sequence) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 50; i++) {
      body.append(i == 0 ? "" : ",").append(single(sequence.incrementAndGet()));
    }
    return body.append(']').toString();
  }

  // ---------------------------------------------------------------- load generation

  private interface Client extends AutoCloseable {
    /** One request; true when it succeeded. */
    boolean request() throws Exception;

    @Override
    void close() throws java.io.IOException, java.sql.SQLException;
  }

  @FunctionalInterface
  private interface ClientFactory {
    Client open() throws Exception;
  }

  /** Latencies of all requests, events per request, wall time and failures of one bounded load. */
  private record Load(long events, long[] sortedNanos, Duration duration, long failures) {

    double perSecond() {
      return events / (duration.toNanos() / 1e9);
    }

    Load pooledWith(Load other) {
      long[] all = Arrays.copyOf(sortedNanos, sortedNanos.length + other.sortedNanos.length);
      System.arraycopy(other.sortedNanos, 0, all, sortedNanos.length, other.sortedNanos.length);
      Arrays.sort(all);
      return new Load(events + other.events, all, duration.plus(other.duration), failures + other.failures);
    }

    double percentileMillis(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(sortedNanos.length * p) - 1)] / 1e6;
    }

    double p50Millis() {
      return percentileMillis(0.50);
    }

    double p99Millis() {
      return percentileMillis(0.99);
    }

    double maxMillis() {
      return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
  }

  private static Load parallel(int clients, Duration duration, int eventsPerRequest, ClientFactory factory)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    AtomicLong failures = new AtomicLong();
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(pool.submit(() -> {
        long[] latencies = new long[1 << 16];
        int count = 0;
        try (Client client = factory.open()) {
          while (System.nanoTime() < end) {
            long begin = System.nanoTime();
            boolean ok = client.request();
            if (count == latencies.length) {
              latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - begin;
            if (!ok) {
              failures.incrementAndGet();
            }
          }
        }
        return Arrays.copyOf(latencies, count);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      all.add(result.get(duration.toSeconds() + TIME_CAP_SECONDS, TimeUnit.SECONDS));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    pool.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Load((merged.length - failures.get()) * eventsPerRequest, merged, elapsed, failures.get());
  }

  private static Load jdbc(String url, String table, int clients, int rowsPerTransaction, Duration duration)
      throws Exception {
    String insert = "INSERT INTO " + table + " VALUES (?, 'rate', 'user', ?, 'item', 'i1', '{\"rating\":4}', ?, "
        + "'UTC', NULL, NULL, ?, 'UTC')";
    return parallel(clients, duration, rowsPerTransaction, () -> {
      Connection connection = DriverManager.getConnection(url);
      PreparedStatement statement = connection.prepareStatement(insert);
      connection.setAutoCommit(rowsPerTransaction == 1);
      return new Client() {
        @Override
        public boolean request() throws Exception {
          Timestamp now = new Timestamp(System.currentTimeMillis());
          for (int i = 0; i < rowsPerTransaction; i++) {
            statement.setString(1, UUID.randomUUID().toString().replace("-", ""));
            statement.setString(2, "u" + ThreadLocalRandom.current().nextInt(ENTITIES));
            statement.setTimestamp(3, now);
            statement.setTimestamp(4, now);
            if (rowsPerTransaction == 1) {
              statement.executeUpdate();
            } else {
              statement.addBatch();
            }
          }
          if (rowsPerTransaction > 1) {
            statement.executeBatch();
            connection.commit();
          }
          return true;
        }

        @Override
        public void close() throws java.io.IOException, java.sql.SQLException {
          statement.close();
          connection.close();
        }
      };
    });
  }

  private static Load jdbcGet(String url, String table, int clients, Duration duration) throws Exception {
    String select = "SELECT id, event, entityType, entityId, targetEntityType, targetEntityId, properties, eventTime, "
        + "eventTimeZone, tags, prId, creationTime, creationTimeZone FROM " + table
        + " WHERE entityType = ? AND entityId = ? ORDER BY eventTime ASC LIMIT 20";
    return parallel(clients, duration, 1, () -> {
      Connection connection = DriverManager.getConnection(url);
      PreparedStatement statement = connection.prepareStatement(select);
      return new Client() {
        @Override
        public boolean request() throws Exception {
          statement.setString(1, "user");
          statement.setString(2, "u" + ThreadLocalRandom.current().nextInt(ENTITIES));
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              rows.getString(1);
            }
          }
          return true;
        }

        @Override
        public void close() throws java.io.IOException, java.sql.SQLException {
          statement.close();
          connection.close();
        }
      };
    });
  }

  // ---------------------------------------------------------------- launcher

  private record Launch(double nothingToDoMillis, double versionMillis, int exitCode) {}

  /** {@code pio-data load-data} in an app directory without data files (nothing to do), vs {@code --version}. */
  private Launch loadDataNothingToDo() throws Exception {
    Path app = Files.createTempDirectory(options.out, "empty-app");
    log("load-data with nothing to do, vs pio-data --version (median of 5)");
    long[] loadData = new long[5];
    long[] version = new long[5];
    int exit = 0;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      exit = launch(options.root.resolve("pio-data").toString(), "load-data", "--app-dir", app.toString());
      loadData[i] = System.nanoTime() - start;
      start = System.nanoTime();
      launch(options.root.resolve("pio-data").toString(), "--version");
      version[i] = System.nanoTime() - start;
    }
    Files.delete(app);
    Arrays.sort(loadData);
    Arrays.sort(version);
    return new Launch(loadData[2] / 1e6, version[2] / 1e6, exit);
  }

  private int launch(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).directory(options.root.toFile());
    builder.environment().put("PIO_CONTAINER_MEMORY_MB", "512");
    builder.environment().put("PIO_EVENTSERVER_APP_NAME", "BenchNothing");
    builder.environment().remove("DATABASE_URL");
    builder.environment().remove("PIO_DATA_JAVA_OPTS");
    Process process = builder.start();
    if (!process.waitFor(TIME_CAP_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  // ---------------------------------------------------------------- table

  private void tabulate(Ceilings c, Map<String, Server> servers, ImportBenchmark.Result imported, Launch loadData,
      Map<Kind, long[]> starts) {
    Server ours = servers.get("ours");
    Server variant = servers.get("oursB");
    Server minimal = servers.get("minimal");
    Server pio = servers.get("pio010");
    String jdbcAndPg8 = ceiling(c.jdbc8.perSecond(), c.pgbench8);
    row("Single POST, 8 clients", "events/s", ours.single8.perSecond(), variant.single8.perSecond(),
        minimal.single8.perSecond(), jdbcAndPg8, pio == null ? null : pio.single8.perSecond(),
        "≥0.8× minimal, ≥2.5× PIO", ratioGoal(ours.single8.perSecond(), minimal.single8.perSecond(), 0.8, "minimal")
            + "; " + (pio == null ? "PIO absent" : ratioGoal(ours.single8.perSecond(), pio.single8.perSecond(), 2.5,
            "PIO")));
    latencyRow("Single POST, 8 clients", ours.single8, variant.single8, minimal.single8, c.jdbc8,
        pio == null ? null : pio.single8, true);
    row("Server CPU per single POST (8 clients)", "µs", ours.cpuMicrosPerSingle, variant.cpuMicrosPerSingle,
        minimal.cpuMicrosPerSingle, "", pio == null ? null : pio.cpuMicrosPerSingle, "",
        String.format(Locale.ROOT, "%.0f µs above minimal", ours.cpuMicrosPerSingle - minimal.cpuMicrosPerSingle));
    row("Single POST, 32 clients", "events/s", ours.single32.perSecond(), variant.single32.perSecond(),
        minimal.single32.perSecond(), ceiling(c.jdbc32.perSecond(), c.pgbench32),
        pio == null ? null : pio.single32.perSecond(), "", "");
    latencyRow("Single POST, 32 clients", ours.single32, variant.single32, minimal.single32, c.jdbc32,
        pio == null ? null : pio.single32, false);
    // the ceiling is pgbench's 50-row INSERT; raw JDBC's batch of 50 is shown beside it
    double batchCeiling = Double.isNaN(c.pgbenchBatchRows) ? c.jdbcBatch.perSecond() : c.pgbenchBatchRows;
    row("Batch of 50, 8 clients", "events/s", ours.batch.perSecond(), variant.batch.perSecond(),
        minimal.batch.perSecond(), ceiling(c.jdbcBatch.perSecond(), c.pgbenchBatchRows),
        pio == null ? null : pio.batch.perSecond(), "≥0.8× pgbench 50-row, ≥6× PIO",
        ratioGoal(ours.batch.perSecond(), batchCeiling, 0.8, Double.isNaN(c.pgbenchBatchRows) ? "JDBC" : "pgbench")
            + String.format(Locale.ROOT, " (%.2f× JDBC, %.2f× minimal); ", ours.batch.perSecond()
            / c.jdbcBatch.perSecond(), ours.batch.perSecond() / minimal.batch.perSecond())
            + (pio == null ? "PIO absent" : ratioGoal(ours.batch.perSecond(), pio.batch.perSecond(), 6, "PIO")));
    row("Server CPU per batched event", "µs", ours.cpuMicrosPerBatched, variant.cpuMicrosPerBatched,
        minimal.cpuMicrosPerBatched, "", pio == null ? null : pio.cpuMicrosPerBatched, "",
        String.format(Locale.ROOT, "%.0f µs above minimal", ours.cpuMicrosPerBatched - minimal.cpuMicrosPerBatched));
    row("GET /events.json by entity, 8 clients", "requests/s", ours.get.perSecond(), variant.get.perSecond(),
        minimal.get.perSecond(), fmt(c.jdbcGet.perSecond()) + " (JDBC)", pio == null ? null : pio.get.perSecond(),
        "", "");
    long[] ourStarts = starts.get(Kind.OURS);
    long[] minimalStarts = starts.get(Kind.MINIMAL);
    long ourMedian = ourStarts[START_ROUNDS / 2];
    row("Start to first 200 on GET / (launcher), median of " + START_ROUNDS, "ms", ourMedian, Double.NaN,
        minimalStarts[START_ROUNDS / 2], "", pio == null ? null : (double) pio.startupMillis, "< 1000 ms",
        (ourMedian < 1000 ? "met" : "missed by " + (ourMedian - 1000) + " ms")
            + String.format(Locale.ROOT, "; %.2f× minimal; ours %d–%d, minimal %d–%d", ourMedian
            / (double) minimalStarts[START_ROUNDS / 2], ourStarts[0], ourStarts[START_ROUNDS - 1], minimalStarts[0],
            minimalStarts[START_ROUNDS - 1]));
    row("RSS idle (512 MB container)", "MiB", ours.rssIdleKb / 1024.0, variant.rssIdleKb / 1024.0,
        minimal.rssIdleKb / 1024.0, "", pio == null ? null : pio.rssIdleKb / 1024.0, "", "");
    row("RSS after " + options.fillEvents + " events", "MiB", ours.rssLoadedKb / 1024.0, variant.rssLoadedKb / 1024.0,
        minimal.rssLoadedKb / 1024.0, "", pio == null ? null : pio.rssLoadedKb / 1024.0, "< 200 MiB",
        (ours.rssLoadedKb / 1024.0 < 200 ? "met" : String.format(Locale.ROOT, "missed by %.0f MiB",
            ours.rssLoadedKb / 1024.0 - 200)) + String.format(Locale.ROOT, "; %d stored, %d failed requests",
            ours.stored, failures(ours)));
    row("Import " + imported.events() + " events, PostgreSQL", "events/s", imported.events() / imported.postgresSeconds(),
        Double.NaN, Double.NaN, fmt(imported.events() / imported.copySeconds()) + " (psql \\copy)", null,
        "≥0.8× COPY", ratioGoal(imported.copySeconds(), imported.postgresSeconds(), 0.8, "COPY"));
    row("Import " + imported.events() + " events, SQLite", "events/s", imported.events() / imported.sqliteSeconds(),
        Double.NaN, Double.NaN, fmt(imported.events() / imported.sqliteRawSeconds()) + " (raw JDBC batch)", null, "",
        String.format(Locale.ROOT, "%.2f× raw", imported.sqliteRawSeconds() / imported.sqliteSeconds()));
    row("load-data, nothing to do (start to exit " + loadData.exitCode + ")", "ms", loadData.nothingToDoMillis, Double.NaN,
        Double.NaN, fmt(loadData.versionMillis) + " (pio-data --version)", null, "",
        String.format(Locale.ROOT, "%.2f× --version", loadData.nothingToDoMillis / loadData.versionMillis));
    json.put("variantB", options.variantB);
    json.put("pio010", pio == null ? "absent: no --pio010-lib given" : options.pio010Lib.toString());
  }

  private static long failures(Server server) {
    return server.single8.failures + server.single32.failures + server.batch.failures + server.get.failures;
  }

  private static String ceiling(double jdbc, double pgbench) {
    return fmt(jdbc) + " (JDBC)" + (Double.isNaN(pgbench) ? "" : ", " + fmt(pgbench) + " (pgbench)");
  }

  private static String ratioGoal(double ours, double baseline, double goal, String name) {
    double ratio = ours / baseline;
    return String.format(Locale.ROOT, "%.2f× %s: %s", ratio, name, ratio >= goal ? "met"
        : String.format(Locale.ROOT, "missed by %.0f%%", 100 * (goal - ratio) / goal));
  }

  private void latencyRow(String path, Load ours, Load variant, Load minimal, Load jdbc, Load pio, boolean goal) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("path", path + ", latency p50/p99/max");
    row.put("unit", "ms");
    row.put("ours", latency(ours));
    row.put("oursVariantB", latency(variant));
    row.put("minimal", latency(minimal));
    row.put("ceiling", latency(jdbc) + " (JDBC)");
    row.put("pio010", pio == null ? null : latency(pio));
    row.put("goal", goal ? "p99 < 10 ms" : "");
    row.put("result", goal ? (ours.p99Millis() < 10 ? "met" : String.format(Locale.ROOT, "missed by %.1f ms",
        ours.p99Millis() - 10)) : "");
    rows.add(row);
  }

  private static String latency(Load load) {
    return String.format(Locale.ROOT, "%.1f / %.1f / %.0f", load.p50Millis(), load.p99Millis(), load.maxMillis());
  }

  private void row(String path, String unit, double ours, double variant, double minimal, String ceiling, Double pio,
      String goal, String result) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("path", path);
    row.put("unit", unit);
    row.put("ours", round(ours));
    row.put("oursVariantB", Double.isNaN(variant) ? null : round(variant));
    row.put("minimal", Double.isNaN(minimal) ? null : round(minimal));
    row.put("ceiling", ceiling);
    row.put("pio010", pio == null ? null : round(pio));
    row.put("goal", goal);
    row.put("result", result);
    rows.add(row);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String fmt(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
  }

  private String markdown() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Run %s on %s; load average %s at the start, %s at the end.%n",
        json.get("date"), json.get("machine"), json.get("loadAverageStart"), loadAverage()));
    out.append(options.variantB.isEmpty()
        ? "Second column: the same server again, an A/A control (runs A, A', A', A): the difference between the two "
            + "columns is the noise of this run.\n"
        : String.format(Locale.ROOT, "Second column: variant B, the project's server with `%s` added to its database "
            + "URL (runs A, B, B, A).%n", options.variantB));
    out.append(String.format(Locale.ROOT, "PredictionIO 0.10: %s.%n%n", json.get("pio010")));
    out.append("| Path | Unit | This project | A/A or B | Minimal server | DB ceiling | PredictionIO 0.10 | Goal "
        + "| Result |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Map<String, Object> row : rows) {
      out.append("| ").append(row.get("path")).append(" | ").append(row.get("unit"));
      for (String key : List.of("ours", "oursVariantB", "minimal", "ceiling", "pio010", "goal", "result")) {
        Object value = row.get(key);
        out.append(" | ").append(value == null ? "-" : value instanceof Double d ? fmt(d) : value);
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- helpers

  private static long count(String url, String table) throws Exception {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** User plus system CPU time of a process, from {@code /proc/<pid>/stat} (clock ticks of 10 ms). */
  private static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String machine() throws IOException {
    String cpu = "unknown CPU";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        cpu = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    long memKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return String.format(Locale.ROOT, "%d cores (%s), %d GiB RAM, Java %s", Runtime.getRuntime().availableProcessors(),
        cpu, Math.round(memKb / 1024.0 / 1024.0), System.getProperty("java.version"));
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static String parameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.substring(1).split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static void log(String message) {
    System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
  }

  private record Options(Path root, Path out, int importEvents, Duration warmUp, Duration measure, int fillEvents,
      Path pio010Lib, String variantB, boolean quick) {

    static Options parse(String[] args) {
      Path root = Path.of(".").toAbsolutePath().normalize();
      Path out = null;
      boolean quick = false;
      Integer importEvents = null;
      Integer seconds = null;
      String pio = System.getenv("PIO_BENCH_PIO010_LIB");
      String variant = "";
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
          case "--out" -> out = Path.of(args[++i]).toAbsolutePath().normalize();
          case "--quick" -> quick = true;
          case "--import-events" -> importEvents = Integer.parseInt(args[++i]);
          case "--seconds" -> seconds = Integer.parseInt(args[++i]);
          case "--pio010-lib" -> pio = args[++i];
          case "--variant-b" -> variant = args[++i];
          default -> throw new IllegalArgumentException("unknown argument " + args[i]
              + " (known: --root DIR, --out DIR, --quick, --import-events N, --seconds S, --pio010-lib DIR, "
              + "--variant-b URL_PARAMETERS)");
        }
      }
      int measure = seconds != null ? seconds : quick ? 4 : 8;
      return new Options(root, out != null ? out : root.resolve("target/bench"),
          importEvents != null ? importEvents : quick ? 100_000 : 1_000_000, Duration.ofSeconds(quick ? 2 : 3),
          Duration.ofSeconds(measure), 100_000, pio == null || pio.isBlank() ? null : Path.of(pio), variant, quick);
    }
  }
}
