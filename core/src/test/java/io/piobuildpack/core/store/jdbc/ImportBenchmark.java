package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.ImportResult;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures import throughput: generates an N-event batch file (default 1,000,000), imports it into PostgreSQL
 * (COPY path) and SQLite (batched insert), and times {@code psql -c "\copy ... from CSV"} of the same rows into an
 * identical table as the ceiling. Not a test; run it by hand:
 *
 * <pre>
 * ./mvnw -q -B -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp core/target/test-classes:core/target/classes:$(cat core/target/cp.txt) \
 *     io.piobuildpack.core.store.jdbc.ImportBenchmark [events]
 * </pre>
 *
 * <p>PostgreSQL is reached as in the tests ({@code PIO_TEST_DATABASE_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); a scratch database is created and dropped.
 * {@code psql} must be on the PATH.
 */
public final class ImportBenchmark {

  private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Pattern JDBC_URL = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(\\?.*)?$");

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    measure(args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000, true);
  }

  /**
   * The seconds each import path took for the same generated events, for the benchmark suite.
   *
   * @param events the number of events imported
   * @param postgresSeconds {@code pio-data import} into PostgreSQL (COPY path)
   * @param copySeconds {@code psql \copy} of the same rows as CSV (the ceiling)
   * @param sqliteSeconds {@code pio-data import} into SQLite
   * @param sqliteRawSeconds the same rows inserted into an identical SQLite table over raw JDBC (batches of
   *     1,000, one transaction): SQLite's ceiling
   */
  public record Result(int events, double postgresSeconds, double copySeconds, double sqliteSeconds,
      double sqliteRawSeconds) {}

  /** Generates {@code events} events, imports them every way, prints the table and returns the times. */
  public static Result measure(int events) throws Exception {
    return measure(events, false);
  }

  private static Result measure(int events, boolean printAll) throws Exception {
    Path dir = Files.createTempDirectory("pio-import-benchmark");
    try {
      Path json = dir.resolve("events.json");
      Path csv = dir.resolve("events.csv");
      Path jsonWithIds = dir.resolve("events-with-ids.json");
      generate(events, json, csv, jsonWithIds);
      System.out.printf(Locale.ROOT, "Generated %,d events: %,d bytes JSON, %,d bytes CSV%n", events,
          Files.size(json), Files.size(csv));
      List<String[]> rows = new ArrayList<>();
      double importSeconds;
      double copySeconds;
      try (TestDatabase database = TestDatabase.create()) {
        StorageSettings postgres = StorageSettings.of(database.jdbcUrl(), null, null);
        importSeconds = importInto(postgres, json, "PostgreSQL import (COPY + INSERT ... ON CONFLICT)", rows);
        copySeconds = psqlCopy(postgres, database.jdbcUrl(), csv);
        rows.add(row("PostgreSQL psql \\copy from CSV (ceiling)", events, copySeconds));
        rows.add(new String[] {"PostgreSQL import / ceiling", "", "", "",
            String.format(Locale.ROOT, "%.2fx the time (%.0f%% of COPY throughput)", importSeconds / copySeconds,
                100 * copySeconds / importSeconds)});
        if (printAll) {
          importTwice(postgres, jsonWithIds, rows);
        }
      }
      StorageSettings sqlite = StorageSettings.of("jdbc:sqlite:" + dir.resolve("pio.db"), null, null);
      double sqliteSeconds = importInto(sqlite, json, "SQLite import (batched INSERT OR IGNORE)", rows);
      double sqliteRaw = sqliteRaw(dir.resolve("raw.db"), csv);
      rows.add(row("SQLite raw JDBC batched INSERT (ceiling)", events, sqliteRaw));
      System.out.printf(Locale.ROOT, "%n%-52s %12s %10s %14s%n", "Path", "Events", "Seconds", "Events/s");
      for (String[] row : rows) {
        System.out.printf(Locale.ROOT, "%-52s %12s %10s %14s %s%n", (Object[]) row);
      }
      return new Result(events, importSeconds, copySeconds, sqliteSeconds, sqliteRaw);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** The CSV rows inserted into a table shaped like the event table, over raw JDBC in one transaction. */
  private static double sqliteRaw(Path file, Path csv) throws Exception {
    long start = System.nanoTime();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement create = connection.createStatement()) {
      create.execute("PRAGMA journal_mode=WAL");
      create.execute("CREATE TABLE ev (id TEXT NOT NULL PRIMARY KEY, event TEXT NOT NULL, entityType TEXT NOT NULL, "
          + "entityId TEXT NOT NULL, targetEntityType TEXT, targetEntityId TEXT, properties TEXT, eventTime TEXT, "
          + "eventTimeZone TEXT NOT NULL, tags TEXT, prId TEXT, creationTime TEXT, creationTimeZone TEXT NOT NULL)");
      connection.setAutoCommit(false);
      try (java.sql.PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO ev VALUES (?, ?, 'user', ?, 'item', ?, ?, ?, 'UTC', NULL, NULL, ?, 'UTC')");
          java.io.BufferedReader lines = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = lines.readLine()) != null) {
          String[] f = line.split(",");
          insert.setString(1, f[0]);
          insert.setString(2, f[1]);
          insert.setString(3, f[3]);
          insert.setString(4, f[5]);
          insert.setString(5, "{\"rating\":" + f[6].replaceAll("[^0-9]", "") + "}");
          insert.setString(6, f[7]);
          insert.setString(7, f[11]);
          insert.addBatch();
          if (++n % 1000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double importInto(StorageSettings settings, Path json, String label, List<String[]> rows) {
    try (JdbcEventStore store = JdbcEventStore.open(settings)) {
      int app = store.apps().create(NewApp.named("bench")).app().id();
      ImportResult result = store.bulk().importEvents(EventScope.of(app), EventFileSource.ofPath(json), p -> { });
      double seconds = result.elapsed().toNanos() / 1e9;
      rows.add(row(label, result.inserted(), seconds));
      return seconds;
    }
  }

  /** Events that carry ids take the idempotent path; importing the same file again finds them all present. */
  private static void importTwice(StorageSettings settings, Path json, List<String[]> rows) {
    try (JdbcEventStore store = JdbcEventStore.open(settings)) {
      EventScope scope = EventScope.of(store.apps().create(NewApp.named("bench-ids")).app().id());
      ImportResult first = store.bulk().importEvents(scope, EventFileSource.ofPath(json), p -> { });
      rows.add(row("PostgreSQL import, events with eventId", first.inserted(), first.elapsed().toNanos() / 1e9));
      ImportResult again = store.bulk().importEvents(scope, EventFileSource.ofPath(json), p -> { });
      rows.add(row("PostgreSQL re-import of it (all already present)", again.alreadyPresent(),
          again.elapsed().toNanos() / 1e9));
    }
  }

  private static double psqlCopy(StorageSettings settings, String jdbcUrl, Path csv) throws Exception {
    String table;
    try (JdbcEventStore store = JdbcEventStore.open(settings)) {
      table = "pio_event_" + store.apps().create(NewApp.named("ceiling")).app().id();
    }
    Matcher url = JDBC_URL.matcher(jdbcUrl);
    if (!url.matches()) {
      throw new IllegalStateException("cannot turn " + jdbcUrl + " into psql arguments");
    }
    String user = param(url.group(4), "user");
    List<String> command = new ArrayList<>(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", url.group(1),
        "-p", url.group(2) == null ? "5432" : url.group(2), "-d", url.group(3)));
    if (user != null) {
      command.addAll(List.of("-U", user));
    }
    command.addAll(List.of("-c", "\\copy " + table + " from '" + csv + "' CSV"));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("psql failed: " + String.join(" ", command));
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void generate(int count, Path json, Path csv, Path jsonWithIds) throws IOException {
    try (BufferedWriter jsonOut = Files.newBufferedWriter(json, StandardCharsets.UTF_8);
        BufferedWriter csvOut = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        BufferedWriter idsOut = Files.newBufferedWriter(jsonWithIds, StandardCharsets.UTF_8)) {
      String now = CSV_TIME.format(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
      for (int n = 0; n < count; n++) {
        String event = n % 10 == 0 ? "buy" : "view";
        String user = "u" + (n % 50_000);
        String item = "i" + (n * 7 % 20_000);
        Instant time = START.plusSeconds(n);
        int rating = n % 5 + 1;
        String fields = "\"event\":\"" + event + "\",\"entityType\":\"user\",\"entityId\":\"" + user
            + "\",\"targetEntityType\":\"item\",\"targetEntityId\":\"" + item + "\",\"properties\":{\"rating\":"
            + rating + "},\"eventTime\":\"" + time + "\"}\n";
        jsonOut.write("{" + fields);
        idsOut.write(String.format(Locale.ROOT, "{\"eventId\":\"%032x\",", n) + fields);
        csvOut.write(UUID.randomUUID().toString().replace("-", "") + "," + event + ",user," + user + ",item,"
            + item + ",\"{\"\"rating\"\":" + rating + "}\"," + CSV_TIME.format(LocalDateTime.ofInstant(time,
            ZoneOffset.UTC)) + ",UTC,," + "," + now + ",UTC\n");
      }
    }
  }

  private static String[] row(String label, long events, double seconds) {
    return new String[] {label, String.format(Locale.ROOT, "%,d", events),
        String.format(Locale.ROOT, "%.2f", seconds), String.format(Locale.ROOT, "%,.0f", events / seconds), ""};
  }

  private static String param(String query, String name) {
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
}
