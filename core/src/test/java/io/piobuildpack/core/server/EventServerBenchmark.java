package io.piobuildpack.core.server;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the event server on PostgreSQL beside two baselines in the same run, and prints a table: the JDK's
 * minimal HTTP server answering without storage (the HTTP ceiling), and raw JDBC inserts with no HTTP at all
 * (the database ceiling). Single-event POSTs with 8 concurrent clients (throughput, p99), batches of 50
 * (events/s), RSS idle and after 100,000 events, start-up time. Servers run as their own processes with Heroku's
 * standard-1X JVM options. Run with {@code java -cp <test classpath> io.piobuildpack.core.server.EventServerBenchmark}.
 */
public final class EventServerBenchmark {

  private static final int CLIENTS = 8;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(15);
  private static final int TARGET_EVENTS = 100_000;
  private static final List<String> JVM_OPTIONS = List.of("-Xmx300m", "-Xss512k", "-XX:CICompilerCount=2");
  private static final Pattern PORT = Pattern.compile("listening on [^:]+:(\\d+)");
  private static final Pattern READY = Pattern.compile("ready in \\d+ ms(, \\d+ ms after JVM start)?");
  private static final String SINGLE = "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u%d\","
      + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i%d\",\"properties\":{\"rating\":4}}";

  private EventServerBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      StorageSettings settings = StorageSettings.of(database.jdbcUrl(), null, null);
      try (EventStore store = JdbcEventStore.open(settings)) {
        PeerFixture.seed(store);
      }
      List<Row> rows = new ArrayList<>();
      List<String> eventServer = List.of("io.piobuildpack.core.cli.PioDataMain", "eventserver", "--ip",
          "127.0.0.1", "--port", "0", "--database-url", settings.jdbcUrl());
      rows.add(measureServer("event server (Jetty 12, PostgreSQL)", List.of(), eventServer, true, database));
      List<String> quiet = new ArrayList<>(List.of(
          "-Dorg.slf4j.simpleLogger.log.io.piobuildpack.core.server.access=warn"));
      rows.add(measureServer("event server, access log off", quiet, eventServer, true, database));
      rows.add(measureServer("baseline: JDK HttpServer, no storage", List.of(),
          List.of(MinimalHttpServer.class.getName()), false, null));
      rows.add(measureJdbc(settings.jdbcUrl()));
      print(rows);
    }
  }

  private static Row measureServer(String name, List<String> extraJvmOptions, List<String> mainAndArgs, boolean stores,
      TestDatabase database) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(extraJvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(mainAndArgs);
    Path log = Files.createTempFile("benchmark-server", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove(ListenAddress.PORT_VARIABLE);
    long spawned = System.nanoTime();
    Process process = builder.start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String listening = awaitListening(output);
      Matcher portMatch = PORT.matcher(listening);
      portMatch.find();
      int port = Integer.parseInt(portMatch.group(1));
      long startupMillis = Duration.ofNanos(System.nanoTime() - spawned).toMillis();
      Thread drain = new Thread(() -> drain(output, log));
      drain.setDaemon(true);
      drain.start();
      URI base = URI.create("http://127.0.0.1:" + port);
      Thread.sleep(1000);
      long rssIdle = rssKb(process.pid());
      load(base, false, WARM_UP);
      long cpuBefore = cpuMillis(process.pid());
      Load single = load(base, false, MEASURE);
      double cpuPerRequestMicros = (cpuMillis(process.pid()) - cpuBefore) * 1000.0 / single.sortedLatencies.length;
      Load batch = load(base, true);
      long posted = single.events + batch.events;
      while (posted < TARGET_EVENTS) {
        posted += load(base, true, Duration.ofSeconds(2)).events;
      }
      long rssLoaded = rssKb(process.pid());
      new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(process.pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start().waitFor();
      Thread.sleep(500);
      long rssAfterGc = rssKb(process.pid());
      if (stores) {
        try (EventStore store = JdbcEventStore.open(StorageSettings.of(database.jdbcUrl(), null, null))) {
          posted = store.events().count(EventScope.of(PeerFixture.APP));
        }
      }
      return new Row(name, single.perSecond(), single.p99Millis(), cpuPerRequestMicros, batch.perSecond(), rssIdle,
          rssLoaded, rssAfterGc, posted,
          startupMillis, readiness(listening));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static Load load(URI base, boolean batch) throws Exception {
    load(base, batch, WARM_UP);
    return load(base, batch, MEASURE);
  }

  private static Load load(URI base, boolean batch, Duration duration) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicLong sequence = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<Future<long[]>> results = new ArrayList<>();
    String target = (batch ? "/batch/events.json" : "/events.json") + "?accessKey=" + PeerFixture.KEY;
    int expected = batch ? 200 : 201;
    for (int c = 0; c < CLIENTS; c++) {
      results.add(clients.submit(() -> {
        long[] latencies = new long[1 << 20];
        int count = 0;
        try (KeepAliveConnection connection = new KeepAliveConnection(base.getHost(), base.getPort())) {
          while (System.nanoTime() < end && count < latencies.length) {
            String body = batch ? batchBody(sequence) : String.format(Locale.ROOT, SINGLE, sequence.incrementAndGet(), 1);
            long begin = System.nanoTime();
            int status = connection.post(target, body);
            latencies[count++] = System.nanoTime() - begin;
            if (status != expected) {
              throw new IllegalStateException("unexpected status " + status);
            }
          }
        }
        return Arrays.copyOf(latencies, count);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      all.add(result.get());
    }
    clients.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Load(merged.length * (batch ? 50L : 1L), merged, duration);
  }

  private static String batchBody(AtomicLong sequence) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 50; i++) {
      body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, SINGLE, sequence.incrementAndGet(), i));
    }
    return body.append(']').toString();
  }

  /** Raw JDBC inserts into a table like the event table: the database's own ceiling, no HTTP, no JSON. */
  private static Row measureJdbc(String jdbcUrl) throws Exception {
    try (Connection setup = DriverManager.getConnection(jdbcUrl); Statement statement = setup.createStatement()) {
      statement.execute("CREATE TABLE raw_events (id varchar(32) NOT NULL PRIMARY KEY, event text NOT NULL, "
          + "entityType text NOT NULL, entityId text NOT NULL, targetEntityType text, targetEntityId text, "
          + "properties text, eventTime timestamp, eventTimeZone varchar(50) NOT NULL, tags text, prId text, "
          + "creationTime timestamp, creationTimeZone varchar(50) NOT NULL)");
    }
    Load single = jdbcLoad(jdbcUrl, 1, WARM_UP);
    single = jdbcLoad(jdbcUrl, 1, MEASURE);
    Load batch = jdbcLoad(jdbcUrl, 50, WARM_UP);
    batch = jdbcLoad(jdbcUrl, 50, MEASURE);
    return new Row("baseline: raw JDBC INSERT, 8 connections", single.perSecond(), single.p99Millis(), Double.NaN,
        batch.perSecond(), -1, -1, -1, -1, -1, "");
  }

  private static Load jdbcLoad(String jdbcUrl, int batchSize, Duration duration) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long end = System.nanoTime() + duration.toNanos();
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      results.add(clients.submit(() -> {
        long[] latencies = new long[1 << 20];
        int count = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
            PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          connection.setAutoCommit(batchSize == 1);
          while (System.nanoTime() < end && count < latencies.length) {
            long begin = System.nanoTime();
            for (int i = 0; i < batchSize; i++) {
              Timestamp now = new Timestamp(System.currentTimeMillis());
              insert.setString(1, UUID.randomUUID().toString().replace("-", ""));
              insert.setString(2, "rate");
              insert.setString(3, "user");
              insert.setString(4, "u" + i);
              insert.setString(5, "item");
              insert.setString(6, "i" + i);
              insert.setString(7, "{\"rating\":4}");
              insert.setTimestamp(8, now);
              insert.setString(9, "UTC");
              insert.setString(10, null);
              insert.setString(11, null);
              insert.setTimestamp(12, now);
              insert.setString(13, "UTC");
              if (batchSize == 1) {
                insert.executeUpdate();
              } else {
                insert.addBatch();
              }
            }
            if (batchSize > 1) {
              insert.executeBatch();
              connection.commit();
            }
            latencies[count++] = System.nanoTime() - begin;
          }
        }
        return Arrays.copyOf(latencies, count);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      all.add(result.get());
    }
    clients.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Load((long) merged.length * batchSize, merged, duration);
  }

  private static String awaitListening(BufferedReader output) throws IOException {
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = output.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher matcher = PORT.matcher(line);
      if (matcher.find()) {
        return line;
      }
    }
    throw new IllegalStateException("the server did not start:\n" + seen);
  }

  private static void drain(BufferedReader output, Path log) {
    try (var writer = Files.newBufferedWriter(log)) {
      String line;
      while ((line = output.readLine()) != null) {
        writer.write(line);
        writer.newLine();
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** The server's own start-up figures from its start-up line, e.g. {@code ready in 90 ms, 610 ms after JVM start}. */
  private static String readiness(String listening) {
    Matcher matcher = READY.matcher(listening);
    return matcher.find() ? matcher.group() : "";
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

  private static void print(List<Row> rows) throws IOException {
    Row ours = rows.get(0);
    System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.println();
    System.out.println("| | single POST/s (8 clients) | p99 ms | server CPU µs/POST | batch-50 events/s | RSS idle MB "
        + "| RSS after load MB | RSS after load + full GC MB | events posted | spawn to serving ms |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Row row : rows) {
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %s | %.0f | %s | %s | %s | %s | %s |%n", row.name,
          row.singlePerSecond, row.p99Millis,
          Double.isNaN(row.cpuMicrosPerRequest) ? "-" : String.format(Locale.ROOT, "%.0f", row.cpuMicrosPerRequest),
          row.batchEventsPerSecond, mb(row.rssIdleKb), mb(row.rssLoadedKb),
          mb(row.rssAfterGcKb),
          row.events < 0 ? "-" : Long.toString(row.events), row.startupMillis < 0 ? "-" : row.startupMillis);
    }
    System.out.println();
    for (Row row : rows) {
      if (!row.notes.isEmpty()) {
        System.out.println(row.name + ": " + row.notes);
      }
    }
    for (Row row : rows.subList(2, rows.size())) {
      System.out.printf(Locale.ROOT, "event server / %s: single %.2fx, p99 %.2fx, batch %.2fx%n", row.name,
          ours.singlePerSecond / row.singlePerSecond, ours.p99Millis / row.p99Millis,
          ours.batchEventsPerSecond / row.batchEventsPerSecond);
    }
  }

  private static String mb(long kb) {
    return kb < 0 ? "-" : String.format(Locale.ROOT, "%.0f", kb / 1024.0);
  }

  private record Load(long events, long[] sortedLatencies, Duration duration) {

    double perSecond() {
      return events / (duration.toNanos() / 1e9);
    }

    double p99Millis() {
      if (sortedLatencies.length == 0) {
        return Double.NaN;
      }
      return sortedLatencies[(int) Math.min(sortedLatencies.length - 1, Math.ceil(sortedLatencies.length * 0.99) - 1)]
          / 1e6;
    }
  }

  private record Row(String name, double singlePerSecond, double p99Millis, double cpuMicrosPerRequest,
      double batchEventsPerSecond,
      long rssIdleKb, long rssLoadedKb, long rssAfterGcKb, long events, long startupMillis, String notes) {}
}
