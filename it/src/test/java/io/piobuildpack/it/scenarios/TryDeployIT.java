package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.it.cnb.CnbLifecycle;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        "--buildpack", Scenario.packagedBuildpack().toString(),
        "--inventory", scenario.artifacts.inventory().toString()));
    command.addAll(List.of(args));
    return ChildProcess.of(command).timeout(Duration.ofMinutes(5)).run();
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
          .contains("-----> heroku deployment 1 of 2: " + app.dir())
          .contains("=====> bin/detect (exit 0, ")
          .contains("=====> bin/compile (exit 0, ")
          .contains("=====> release process (exit 0, ")
          .contains("Summary: heroku deployment 2 of ")
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
      assertThat(run.out()).contains("Summary: cnb deployment 1 of ")
          .contains("=====> bin/build (exit 0, ")
          .contains("=====> release process (exit 0, ")
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
      assertThat(run.out()).contains("try-deploy: the CNB phases run as user nobody (uid 65534) when started as "
          + "root, and " + closed + " is not searchable by it: chmod o+x " + closed);
    }
  }

  @Test
  void aBadConfigVarIsAUsageErrorNamingTheFileAndLine() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      Path config = Files.writeString(temp.resolve("bad.env"), "# vars\nDATABASE_URL=postgres://x\nNO_EQUALS\n");

      CommandResult run = tryDeploy(scenario, "--config-file", config.toString(), temp.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEqualTo("try-deploy: " + config + ":3: expected NAME=VALUE, got no '=' after a name\n");
    }
  }
}
