package io.piobuildpack.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which store the commands use when no option is given (the embedded SQLite file in the working directory), and
 * what every command says when the store cannot be reached or is configured wrongly: exit 5, an actionable
 * message, and never a password.
 */
class PioDataCliStorageTest {

  private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/x?user=u&password=secretpw";
  private static final String UNREACHABLE_MASKED = "jdbc:postgresql://127.0.0.1:1/x?user=u&password=****";
  /** The hint names the setting the URL came from, here the option. */
  private static final String CHECK_THE_DATABASE = "Check that the database is running and that --database-url"
      + " points to it (user, password, host, port, database name).";
  private static final String BAD_URL_REASON = "the host is missing or contains invalid characters; expected"
      + " postgres://USER:PASSWORD@HOST[:PORT]/DATABASE[?PARAMS]";

  @TempDir
  Path work;

  @Test
  void withoutOptionOrVariableTheCommandsUseTheEmbeddedStoreInTheWorkingDirectory() {
    CliRun created = CliRun.of(work, "app", "new", "--access-key", "embeddedkey", "Embedded");
    CliRun shown = CliRun.of(work, "app", "show", "Embedded");

    assertThat(created.code()).as("%s", created).isZero();
    assertThat(shown.code()).as("%s", shown).isZero();
    assertThat(shown.outLines()).contains("[INFO] [Pio$]     App Name: Embedded");
    assertThat(work.resolve(".pio_store/pio.db")).isRegularFile();
  }

  @Test
  void statusOfTheEmbeddedStoreExitsZeroAndNamesItsFile() {
    assertThat(CliRun.of(work, "app", "new", "Embedded").code()).isZero();
    CliRun run = CliRun.of(work, "status");

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    List<String> out = run.outLines();
    assertThat(out).hasSize(6);
    assertThat(out.subList(0, 3)).containsExactly(
        "[INFO] [Management$] Inspecting storage backend connections...",
        "[INFO] [Storage$] Verifying Event Data Backend (Source: embedded SQLite)...",
        "[INFO] [Management$] Event store: jdbc:sqlite:" + work.resolve(".pio_store/pio.db")
            + " (from embedded SQLite default)");
    assertThat(out.get(3)).matches(Pattern.quote("[INFO] [Management$] Connection: OK (") + "\\d+ ms\\)");
    assertThat(out.subList(4, 6)).containsExactly(
        "[INFO] [Management$] Schema: ready, 1 app in pio_meta_apps",
        "[INFO] [Management$] Your system is all ready to go.");
    assertThat(work.resolve(".pio_store/pio.db")).isRegularFile();
  }

  @Test
  void statusOfAnUnreachableDatabaseExitsFiveAndSaysWhatToCheckWithoutThePassword() {
    CliRun run = CliRun.of(work, "status", "--database-url", UNREACHABLE);

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
    assertThat(run.outLines()).containsExactly(
        "[INFO] [Management$] Inspecting storage backend connections...",
        "[INFO] [Storage$] Verifying Event Data Backend (Source: JDBC)...",
        "[INFO] [Management$] Event store: " + UNREACHABLE_MASKED + " (from --database-url)");
    assertThat(run.errLines()).hasSize(2);
    assertThat(run.errLines().get(0)).startsWith("[ERROR] [Management$] Unable to connect to the event store: The"
        + " PostgreSQL database at " + UNREACHABLE_MASKED + " is not available: ");
    assertThat(run.errLines().get(1)).isEqualTo("[ERROR] [Management$] Check that the database is running and that"
        + " --database-url points to it (user, password, host, port, database name).");
    assertThat(run.output()).doesNotContain("secretpw");
  }

  @Test
  void everyStoreCommandExitsFiveWhenTheDatabaseIsUnreachableAndNeverPrintsThePassword() throws Exception {
    Path file = Files.writeString(work.resolve("events.json"),
        "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}\n");

    List<CliRun> runs = inParallel(storeCommands(file).stream()
        .map(args -> concat(args, "--database-url", UNREACHABLE)).toList(), Map.of());

    assertThat(runs).hasSize(13).allSatisfy(run -> {
      assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
      assertThat(run.output()).as("%s", run).doesNotContain("secretpw");
    });
    assertThat(runs.subList(0, 12)).allSatisfy(run -> {
      assertThat(run.out()).as("%s", run).isEmpty();
      assertThat(run.errLines()).as("%s", run).hasSize(2);
      assertThat(run.errLines().get(0)).startsWith("pio-data: the event store cannot be reached: The PostgreSQL"
          + " database at " + UNREACHABLE_MASKED + " is not available: ");
      assertThat(run.errLines().get(1)).isEqualTo(CHECK_THE_DATABASE);
    });
  }

  @Test
  void anUnreachableDatabaseFromTheEnvironmentExitsFiveWithoutItsPassword() throws Exception {
    List<CliRun> runs = inParallel(List.of(new String[] {"app", "list"}, new String[] {"status"}),
        Map.of("DATABASE_URL", "postgres://u:secretpw@127.0.0.1:1/db"));
    List<CliRun> pioVariables = inParallel(List.of(new String[] {"app", "show", "MyApp"}, new String[] {"status"}),
        Map.of("PIO_STORAGE_SOURCES_PGSQL_URL", "jdbc:postgresql://127.0.0.1:1/pio",
            "PIO_STORAGE_SOURCES_PGSQL_USERNAME", "pio", "PIO_STORAGE_SOURCES_PGSQL_PASSWORD", "secretpw"));

    assertThat(runs).allSatisfy(run -> {
      assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
      assertThat(run.output()).as("%s", run).doesNotContain("secretpw").contains("127.0.0.1:1/db");
    });
    assertThat(runs.get(1).errLines()).last().isEqualTo("[ERROR] [Management$] Check that the database is running"
        + " and that DATABASE_URL points to it (user, password, host, port, database name).");
    assertThat(pioVariables).allSatisfy(run -> {
      assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
      assertThat(run.output()).as("%s", run).doesNotContain("secretpw").contains("127.0.0.1:1/pio");
    });
    assertThat(pioVariables.get(1).outLines()).contains("[INFO] [Management$] Event store:"
        + " jdbc:postgresql://127.0.0.1:1/pio as pio (from PIO_STORAGE_SOURCES_PGSQL_URL)");
  }

  @Test
  void aMalformedDatabaseUrlExitsFiveOnEveryCommandNamingTheVariableButNotTheUrl() throws Exception {
    Path file = Files.writeString(work.resolve("events.json"), "");

    for (String url : List.of("postgres://u:p@/", "postgres://admin:secretpw@/pio")) {
      List<CliRun> runs = inParallel(storeCommands(file), Map.of("DATABASE_URL", url));

      assertThat(runs).hasSize(13).allSatisfy(run -> {
        assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
        assertThat(run.out()).as("%s", run).isEmpty();
        assertThat(run.errLines()).as("%s", run)
            .containsExactly("pio-data: storage is not configured correctly: DATABASE_URL: " + BAD_URL_REASON);
        assertThat(run.output()).doesNotContain(":p@").doesNotContain("secretpw").doesNotContain("admin");
      });
    }
  }

  @Test
  void aMalformedDatabaseUrlOptionExitsFive() {
    CliRun run = CliRun.of(work, "app", "list", "--database-url", "postgres://u:secretpw@/");

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
    assertThat(run.errLines())
        .containsExactly("pio-data: storage is not configured correctly: --database-url: " + BAD_URL_REASON);
    assertThat(run.output()).doesNotContain("secretpw");
  }

  @Test
  void anUnsupportedJdbcUrlExitsFive() {
    CliRun run = CliRun.of(work, "app", "list", "--database-url", "jdbc:mysql://db/pio?password=secretpw");

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
    assertThat(run.errLines()).containsExactly("pio-data: storage is not configured correctly: --database-url:"
        + " only jdbc:postgresql: and jdbc:sqlite: URLs are supported");
  }

  @Test
  void everyStoreCommandOnADynoWithoutDatabaseExitsFiveNamingDatabaseUrlAndCreatesNothing() throws Exception {
    Path file = Files.writeString(work.resolve("events.json"),
        "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}\n");
    List<String[]> commands = new ArrayList<>(storeCommands(file));
    commands.add(new String[] {"eventserver", "--port", "0"});

    for (Map<String, String> env : List.of(Map.of("DYNO", "web.1"), Map.of("PIO_REQUIRE_DATABASE", "true"))) {
      List<CliRun> runs = inParallel(commands, env);

      assertThat(runs).hasSize(14).allSatisfy(run -> {
        assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
        assertThat(run.err()).as("%s", run)
            .startsWith("pio-data: storage unavailable or not configured: DATABASE_URL is required: "
                + env.keySet().iterator().next())
            .contains("the SQLite file " + work.resolve(".pio_store/pio.db"))
            .contains("Nothing was done.");
      });
      assertThat(work.resolve(".pio_store")).doesNotExist();
    }
  }

  @Test
  void anExplicitSqliteUrlOnADynoIsRefusedToo() {
    Path file = work.resolve("elsewhere.db");

    CliRun run = CliRun.of(Map.of("DYNO", "run.1"), work, false, "", "app", "new", "MyApp",
        "--database-url", "jdbc:sqlite:" + file);

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
    assertThat(run.err()).contains("DATABASE_URL is required: DYNO=run.1").contains("(from --database-url)");
    assertThat(file).doesNotExist();
  }

  @Test
  void commandsThatOnlyReadNeverCreateTheEmbeddedStoreAndSayWhichFileTheyLookedFor() throws Exception {
    List<CliRun> runs = inParallel(List.of(
        new String[] {"app", "list"},
        new String[] {"app", "show", "MyApp"},
        new String[] {"accesskey", "list"},
        new String[] {"export", "--app", "MyApp", "--output", "-"},
        new String[] {"status"}), Map.of());

    assertThat(runs).allSatisfy(run -> {
      assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
      assertThat(run.err()).as("%s", run).startsWith("pio-data: no event store: the SQLite file "
          + work.resolve(".pio_store/pio.db") + " (from embedded SQLite default) does not exist, and this command"
          + " only reads, so it was not created.").contains("DATABASE_URL");
    });
    assertThat(work.resolve(".pio_store")).doesNotExist();
  }

  @Test
  void aReadOnlyCommandOnAMissingSqliteFileGivenAsOptionCreatesNothing() {
    Path file = work.resolve("typo/pio.db");

    CliRun run = CliRun.of(work, "app", "list", "--database-url", "jdbc:sqlite:" + file);

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCode.STORAGE_UNAVAILABLE.code());
    assertThat(run.errLines()).containsExactly("pio-data: no event store: the SQLite file " + file
        + " (from --database-url) does not exist, and this command only reads, so it was not created.");
    assertThat(work.resolve("typo")).doesNotExist();
  }

  @Test
  void validateWithoutAConfiguredDatabaseSaysWhichLimitItDidNotCheck() throws Exception {
    Path file = Files.writeString(work.resolve("nul.json"),
        "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u\\u00001\"}\n");

    CliRun run = CliRun.of(work, "validate", "--input", file.toString());

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.outLines()).containsExactly("1 event OK (no database configured, so PostgreSQL's limit was not"
        + " checked: no U+0000 in text fields; give --database-url or set DATABASE_URL to check it)");
    assertThat(work.resolve(".pio_store")).doesNotExist();
  }

  /** Every command that opens the store, with valid arguments; {@code status} last. */
  private static List<String[]> storeCommands(Path file) {
    return List.of(
        new String[] {"app", "new", "MyApp"},
        new String[] {"app", "list"},
        new String[] {"app", "show", "MyApp"},
        new String[] {"app", "delete", "MyApp", "-f"},
        new String[] {"app", "data-delete", "MyApp", "--all", "-f"},
        new String[] {"app", "channel-new", "MyApp", "ch1"},
        new String[] {"app", "channel-delete", "MyApp", "ch1", "-f"},
        new String[] {"accesskey", "new", "MyApp"},
        new String[] {"accesskey", "list"},
        new String[] {"accesskey", "delete", "somekey"},
        new String[] {"import", "--app", "MyApp", "--input", file.toString()},
        new String[] {"export", "--appid", "1", "--output", "-"},
        new String[] {"status"});
  }

  /** Runs the command lines concurrently (an unreachable server costs each about a second). */
  private List<CliRun> inParallel(List<String[]> commands, Map<String, String> env)
      throws InterruptedException, ExecutionException {
    ExecutorService executor = Executors.newFixedThreadPool(commands.size());
    try {
      List<Future<CliRun>> futures = new ArrayList<>();
      for (String[] args : commands) {
        futures.add(executor.submit(() -> CliRun.of(env, work, false, "", args)));
      }
      List<CliRun> runs = new ArrayList<>();
      for (Future<CliRun> future : futures) {
        runs.add(future.get());
      }
      return runs;
    } finally {
      executor.shutdownNow();
    }
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

}
