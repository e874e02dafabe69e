package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 5: an engine deployed before its configuration is complete — once without {@code
 * PIO_EVENTSERVER_APP_NAME}, once without {@code DATABASE_URL} (on a dyno, where a local SQLite store would be thrown
 * away). As in the original buildpack, the release phase treats both as "retry later": it says so, loads nothing,
 * skips training and exits 0, so the deploy goes on and the web process starts.
 */
class MissingConfigIT {

  private static final String TRANSIENT = "Transient error loading data. Skipping train on release.";

  @TempDir static Path temp;

  private static Scenario scenario;
  private static TestDatabase database;
  private static Deployment withoutAppName;
  private static List<String> callsWithoutAppName;
  private static Deployment withoutDatabase;
  private static List<String> callsWithoutDatabase;

  @BeforeAll
  static void deployWithoutEachSetting() {
    scenario = Scenario.in(temp);
    database = scenario.database();

    AppFixture unnamed = scenario.engineApp("unnamed", EngineEvents.rates("initial", 1, 5));
    Map<String, String> noName = Scenario.configVars(database, "unnamed");
    noName.remove("PIO_EVENTSERVER_APP_NAME");
    withoutAppName = scenario.heroku("unnamed").deploy(new AppSource(unnamed.dir()), noName);
    callsWithoutAppName = scenario.artifacts.recording().calls();

    AppFixture detached = scenario.engineApp("detached", EngineEvents.rates("initial", 1, 5));
    Map<String, String> noDatabase = Scenario.configVars(database, "detached");
    noDatabase.remove("DATABASE_URL");
    withoutDatabase = scenario.heroku("detached").deploy(new AppSource(detached.dir()), noDatabase);
    List<String> calls = scenario.artifacts.recording().calls();
    callsWithoutDatabase = calls.subList(callsWithoutAppName.size(), calls.size());
  }

  @AfterAll
  static void cleanUp() {
    if (scenario != null) {
      scenario.close();
    }
  }

  @Test
  void withoutTheAppNameTheReleaseExitsZeroWithTheTransientMessage() {
    PhaseResult release = withoutAppName.require("release process");
    assertThat(release.exitCode()).as(release.output()).isZero();
    assertThat(release.stdout().lines()).as(release.output())
        .containsExactly("PIO_EVENTSERVER_APP_NAME is required to load data. Skipping data load.");
    assertThat(release.stderr().lines()).as(release.output()).containsExactly(TRANSIENT);
  }

  @Test
  void withoutTheAppNameNoAppOrEventIsStored() {
    assertThat(StoredEvents.appCount(database)).as(withoutAppName.require("release process").output()).isZero();
  }

  @Test
  void withoutTheAppNameNothingIsTrainedAndTheWebProcessStarts() {
    assertThat(withoutAppName.succeeded()).as("%s", withoutAppName.phases()).isTrue();
    Deployment.StartedProcess web = withoutAppName.process("web").orElseThrow();
    assertThat(web.listening()).as(web.process().log()).isTrue();
    assertThat(callsWithoutAppName).hasSize(2).first().isEqualTo("build");
    assertThat(callsWithoutAppName.get(1)).startsWith("deploy --port " + web.process().port());
  }

  @Test
  void withoutDatabaseUrlTheReleaseExitsZeroWithTheTransientMessage() {
    PhaseResult release = withoutDatabase.require("release process");
    assertThat(release.exitCode()).as(release.output()).isZero();
    assertThat(release.stdout().lines()).as(release.output())
        .containsExactly("DATABASE_URL is required to load data. Skipping data load.");
    assertThat(release.stderr().lines()).as(release.output()).containsExactly(
        "pio-data: runtime-config: DATABASE_URL is not set: on a dyno the event store must be PostgreSQL, never a"
            + " local default. Attach a database (heroku addons:create heroku-postgresql) or set"
            + " PIO_STORAGE_SOURCES_PGSQL_URL, _USERNAME and _PASSWORD.",
        TRANSIENT);
  }

  @Test
  void withoutDatabaseUrlNoLocalStoreIsCreated() {
    assertThat(withoutDatabase.appDir().resolve(".pio_store")).as(withoutDatabase.require("release process")
        .output()).doesNotExist();
    assertThat(withoutDatabase.appDir().resolve("data/initial-events.json")).exists();
  }

  @Test
  void withoutDatabaseUrlNothingIsTrainedAndTheWebProcessStarts() {
    assertThat(withoutDatabase.succeeded()).as("%s", withoutDatabase.phases()).isTrue();
    Deployment.StartedProcess web = withoutDatabase.process("web").orElseThrow();
    assertThat(web.listening()).as(web.process().log()).isTrue();
    assertThat(callsWithoutDatabase).hasSize(2).first().isEqualTo("build");
    assertThat(callsWithoutDatabase.get(1)).startsWith("deploy --port " + web.process().port());
  }
}
