package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.it.PackagedBuildpack;
import io.piobuildpack.it.cnb.CnbLifecycle;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's command, {@code try-deploy} (the shaded {@code it/target/try-deploy.jar} that {@code ./try-deploy}
 * runs): deploys an app directory Heroku- or CNB-style against a given PostgreSQL and inventory, prints each phase
 * and a summary, and exits 0 only when every deployment succeeded. The stand-in artifacts come through
 * {@code --inventory}, as a user's private mirror of other releases would.
 */
class TryDeployIT {

  private static final String PASSWORD = "tr0ub4dor-never-printed";
  private static final Path JAR = Path.of("target/try-deploy.jar").toAbsolutePath();

  @TempDir Path temp;

  private CommandResult tryDeploy(Scenario scenario, String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString(),
        "--buildpack", PackagedBuildpack.directory().toString(),
        "--inventory", scenario.artifacts.inventory().toString()));
    command.addAll(List.of(args));
    return ChildProcess.of(command).timeout(Duration.ofMinutes(5)).run();
  }

  /** {@code try-deploy} with the packaged buildpack and nothing else: for inputs refused before any download. */
  private static CommandResult tryDeployAlone(String... args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString(),
        "--buildpack", PackagedBuildpack.directory().toString()));
    command.addAll(List.of(args));
    return ChildProcess.of(command).timeout(Duration.ofMinutes(1)).run();
  }

  /**
   * Starts {@code try-deploy} without waiting; once {@code ready} holds for it and its output, sends it {@code
   * signal} (to it alone, as {@code kill} does, not to its process group as a terminal's Ctrl-C does) and returns
   * the processes it had started, after it exited.
   */
  private List<ProcessHandle> signalOnceReady(Scenario scenario, BiPredicate<Process, String> ready, String signal,
      String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString(),
        "--buildpack", PackagedBuildpack.directory().toString(),
        "--inventory", scenario.artifacts.inventory().toString()));
    command.addAll(List.of(args));
    Path out = temp.resolve("try-deploy.out");
    Process tryDeploy = ChildProcess.of(command).start(Path.of("/dev/null"), out, temp.resolve("try-deploy.err"));
    try {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (!ready.test(tryDeploy, Files.readString(out))) {
        assertThat(tryDeploy.isAlive()).as(Files.readString(out)).isTrue();
        assertThat(Instant.now()).as("still not ready: %s", Files.readString(out)).isBefore(deadline);
        Thread.sleep(100);
      }
      List<ProcessHandle> started = tryDeploy.descendants().toList();
      assertThat(started).as(Files.readString(out)).isNotEmpty();
      assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(tryDeploy.pid())).start().waitFor())
          .isZero();
      assertThat(tryDeploy.waitFor(30, TimeUnit.SECONDS)).as("try-deploy exited after SIG%s", signal).isTrue();
      return started;
    } finally {
      ChildProcess.killTree(tryDeploy);
    }
  }

  private static boolean stillRunningAfter15Seconds(ProcessHandle process) throws Exception {
    boolean running = process.onExit().completeOnTimeout(process, 15, TimeUnit.SECONDS).get().isAlive();
    if (running) {
      process.destroyForcibly(); // a leak the test reports: not left behind
    }
    return running;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void twoHerokuDeploysOfAnEventServerAppPrintEachPhaseAndASummaryWithTheStoredEvents() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      TestDatabase database = scenario.database();
      AppFixture app = scenario.eventServerApp("events", EngineEvents.rates("initial", 1, 12));
      Map<String, String> vars = Scenario.configVars(database, "events");

      // the local server trusts every connection, so a password in the URL is accepted and must never be shown
      String withPassword = vars.get("DATABASE_URL").replaceFirst("^postgres://([^:@]+)@",
          "postgres://$1:" + PASSWORD + "@");
      assertThat(withPassword).contains(PASSWORD);
      CommandResult run = tryDeploy(scenario, "--work", temp.resolve("work").toString(), "--deploys", "2",
          "--database-url", withPassword, "-c", "PIO_POSTGRES_OPTIONAL_SSL=true",
          "-c", "PIO_EVENTSERVER_APP_NAME=events", "-c", "PIO_EVENTSERVER_ACCESS_KEY=" + Scenario.ACCESS_KEY,
          app.dir().toString());

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.out())
          .containsSubsequence("-----> heroku deployment 1 of 2: " + app.dir() + "\n",
              "=====> bin/detect\nPredictionIO\n=====> bin/compile\n", // each phase printed live, as it runs
              "-----> PredictionIO event server app (no engine.json)\n",
              "=====> bin/release\n---\n", "=====> release process\n",
              "=====> web process (listening on 127.0.0.1:", "Summary: heroku deployment 1 (app at ",
              "  bin/compile              0 ", "  release process          0 ",
              "-----> heroku deployment 2 of 2: ")
          .contains("Summary: heroku deployment 2 (app at " + temp.resolve("work/app") + ", commit ")
          .containsPattern("  app +events \\(id 1\\): 1[2-9] events")
          .contains("  result               deployed in ")
          .containsPattern("  web process +listening on 127\\.0\\.0\\.1:[0-9]+")
          .contains("Work directory (cache, layers, the app as it ran): " + temp.resolve("work"));
      assertThat(run.output()).doesNotContain(Scenario.ACCESS_KEY).doesNotContain(PASSWORD);
      assertThat(StoredEvents.data(database, "events")).hasSize(12);
    }
  }

  @Test
  void aCnbDeployRunsTheReleaseProcessAndTheEventServer() throws Exception {
    // run as root, the CNB phases run as nobody, who must be able to reach the work directory
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
    try (Scenario scenario = Scenario.in(temp)) {
      TestDatabase database = scenario.database();
      AppFixture app = scenario.eventServerApp("events", EngineEvents.rates("initial", 1, 3));
      Path config = temp.resolve("config.env");
      StringBuilder lines = new StringBuilder("# heroku config --shell\n");
      Scenario.configVars(database, "events").forEach((k, v) -> lines.append(k).append("='").append(v)
          .append("'\n"));
      Files.writeString(config, lines);

      CommandResult run = tryDeploy(scenario, "--platform", "cnb", "--config-file", config.toString(),
          "--work", temp.resolve("work").toString(), app.dir().toString());

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.out())
          .contains("Summary: cnb deployment 1 (app at " + temp.resolve("work/workspace") + ", commit ")
          .containsSubsequence("=====> bin/detect\n", "=====> bin/build\n",
              "=====> release process (exit 0, ") // a process of the image: printed once it has ended
          .containsPattern("  eventserver process +listening on 127\\.0\\.0\\.1:[0-9]+")
          .containsPattern("  app +events \\(id 1\\): [3-9] events");
      assertThat(StoredEvents.data(database, "events")).hasSize(3);
    }
  }

  @Test
  void aDirectoryNoBuildpackClaimsFailsAtDetectWithExitOne() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      Path empty = Files.createDirectories(temp.resolve("not-an-app"));
      Files.writeString(empty.resolve("README.md"), "nothing to deploy\n");

      CommandResult run = tryDeploy(scenario, "--work", temp.resolve("work").toString(), empty.toString());

      assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
      assertThat(run.out()).containsPattern("  bin/detect +1 ").contains("  result               FAILED in ")
          .contains("  processes            none started")
          .contains("  event store          no database configured (no DATABASE_URL config var)");
      assertThat(run.out()).doesNotContain("bin/compile");
    }
  }

  @Test
  void aCnbWorkDirectoryTheBuildUserCannotReachIsAUsageErrorNamingTheDirectory() throws Exception {
    Assumptions.assumeTrue(CnbLifecycle.runningAsRoot(), "only root hands the phases to another user");
    Path closed = Files.createDirectories(temp.resolve("closed"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    try (Scenario scenario = Scenario.in(temp.resolve("scenario"))) {
      CommandResult run = tryDeploy(scenario, "--platform", "cnb", "--work", closed.resolve("work").toString(),
          temp.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("try-deploy: the CNB phases run as user nobody (uid 65534) when started as "
          + "root, and " + closed + " is not searchable by it: chmod o+x " + closed);
    }
  }

  @Test
  void aBadConfigVarIsAUsageErrorNamingTheFileAndLine() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      Path config = Files.writeString(temp.resolve("bad.env"), "# vars\nDATABASE_URL=postgres://x\nNO_EQUALS\n");

      CommandResult run = tryDeploy(scenario, "--config-file", config.toString(), temp.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).isEqualTo("try-deploy: " + config + ":3: expected NAME=VALUE, got no '=' after a name\n");
    }
  }

  @Test
  void ctrlCWithKeepRunningStopsEveryProcessTheDeploymentStarted() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      TestDatabase database = scenario.database();
      AppFixture app = scenario.eventServerApp("events", EngineEvents.rates("initial", 1, 3));
      List<String> args = new ArrayList<>(List.of("--keep-running", "--work", temp.resolve("work").toString()));
      Scenario.configVars(database, "events").forEach((k, v) -> args.addAll(List.of("-c", k + "=" + v)));
      args.add(app.dir().toString());

      List<ProcessHandle> started = signalOnceReady(scenario,
          (tryDeploy, out) -> out.contains("Processes left running; press Ctrl-C to stop them."), "INT",
          args.toArray(String[]::new));

      for (ProcessHandle process : started) {
        assertThat(stillRunningAfter15Seconds(process)).as("%s", process.info()).isFalse();
      }
    }
  }

  @Test
  void aTryDeployKilledWhileTheWebProcessBootsLeavesNoProcessRunning() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      Path app = Files.createDirectories(temp.resolve("never-binds"));
      Files.createDirectories(app.resolve("data"));
      Files.writeString(app.resolve("data/initial-events.json"), EngineEvents.rates("initial", 1, 1));
      Files.writeString(app.resolve("Procfile"), "web: sleep 600\n");

      List<ProcessHandle> started = signalOnceReady(scenario, (tryDeploy, out) -> tryDeploy.descendants()
          .anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 600")), "TERM",
          "--boot-timeout", "60", "--work", temp.resolve("work").toString(), app.toString());

      for (ProcessHandle process : started) {
        assertThat(stillRunningAfter15Seconds(process)).as("%s", process.info()).isFalse();
      }
    }
  }

  @Test
  void aWebProcessThatNeverBindsPortFailsTheDeployAfterTheBootTimeout() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      Path app = Files.createDirectories(temp.resolve("never-binds"));
      Files.createDirectories(app.resolve("data"));
      Files.writeString(app.resolve("data/initial-events.json"), EngineEvents.rates("initial", 1, 1));
      Files.writeString(app.resolve("Procfile"), "web: sleep 600\n");

      CommandResult run = tryDeploy(scenario, "--boot-timeout", "2", "--work", temp.resolve("work").toString(),
          app.toString());

      assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
      assertThat(run.out()).containsPattern("  web process +did NOT bind port [0-9]+\n")
          .contains("  result               FAILED in ");
    }
  }

  @Test
  void badInputsAreUsageErrorsNamingTheInputWithoutShowingASecret() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a directory\n");
    Path app = Files.createDirectories(temp.resolve("app"));
    AppFixture uncommitted = AppFixture.in(temp.resolve("uncommitted")).write("README.md", "no commit yet\n")
        .initGit();
    Path missing = temp.resolve("missing");
    String work = temp.resolve("work").toString();
    Map<List<String>, String> cases = new LinkedHashMap<>();
    cases.put(List.of("--work", file.toString(), app.toString()), "--work " + file + " is not a directory");
    cases.put(List.of("--work", work, uncommitted.dir().toString()), uncommitted.dir().toAbsolutePath().normalize()
        + " is a git repository with no commit: commit the app first");
    cases.put(List.of("--platform", "cnb", "--inventory", missing.toString(), "--work", work, app.toString()),
        "--inventory " + missing + " is not a file");
    cases.put(List.of("--mirror", "no/such/mirror", "--work", work, app.toString()),
        "--mirror no/such/mirror is neither an http(s) URL nor a directory");
    cases.put(List.of("--boot-timeout", "0", "--work", work, app.toString()),
        "--boot-timeout must be 1 second or more");
    cases.put(List.of("--deploys", "0", "--work", work, app.toString()), "--deploys must be 1 or more");
    cases.put(List.of("--platform", "aws", "--work", work, app.toString()),
        "--platform must be heroku or cnb, not aws");
    cases.put(List.of("--work", work, missing.toString()), "APP_DIR " + missing + " is not a directory");
    cases.put(List.of("-c", "postgres://u:" + PASSWORD + "@db.example:5432/d?sslmode=require", "--work", work,
        app.toString()), "--config: the text before '=' is not a variable name (letters, digits, _)");

    for (Map.Entry<List<String>, String> bad : cases.entrySet()) {
      CommandResult run = tryDeployAlone(bad.getKey().toArray(String[]::new));

      assertThat(run.exitCode()).as("%s: %s", bad.getKey(), run.output()).isEqualTo(2);
      assertThat(run.err()).as("%s", bad.getKey()).isEqualTo("try-deploy: " + bad.getValue() + "\n");
      assertThat(run.out()).as("%s", bad.getKey()).isEmpty();
      assertThat(run.output()).doesNotContain(PASSWORD);
    }
    assertThat(temp.resolve("work")).as("nothing ran").doesNotExist();
  }
}
