package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.heroku.HerokuDeployer;
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
 * Scenario 4: the first deploy of an engine whose {@code data/create-initial-events} hook writes part of
 * {@code data/initial-events.json} and then fails with exit code {@value #HOOK_EXIT}; the next commit fixes the
 * hook (it writes all {@value #EVENTS} events) and deploys again. One app, one database, two deploys.
 */
class FailingInitialHookIT {

  private static final String APP = "flaky-source";
  private static final int HOOK_EXIT = 7;
  private static final int EVENTS = 12;

  @TempDir static Path temp;

  private static Scenario scenario;
  private static TestDatabase database;
  private static Deployment failed;
  private static List<String> callsAfterFailed;
  private static List<Event> storedAfterFailed;
  private static Deployment fixed;

  @BeforeAll
  static void deployFailingThenFixedHook() {
    scenario = Scenario.in(temp);
    database = scenario.database();
    AppFixture app = scenario.engineApp(APP, "");
    app.delete("data/initial-events.json");
    app.script("data/create-initial-events", "set -eu\n"
        + "echo 'exporting the initial events'\n"
        + "cat > data/initial-events.json <<'EOF'\n" + EngineEvents.rates("initial", 1, 5) + "EOF\n"
        + "echo 'the source system stopped answering' >&2\n"
        + "exit " + HOOK_EXIT + "\n");
    app.commit("create the initial events from the source system");
    Map<String, String> vars = Scenario.configVars(database, APP);
    HerokuDeployer heroku = scenario.heroku(APP);

    failed = heroku.deploy(new AppSource(app.dir()), vars);
    callsAfterFailed = scenario.artifacts.recording().calls();
    storedAfterFailed = StoredEvents.of(database, APP);

    app.script("data/create-initial-events", "set -eu\n"
        + "echo 'exporting the initial events'\n"
        + "cat > data/initial-events.json <<'EOF'\n" + EngineEvents.rates("initial", 1, EVENTS) + "EOF\n");
    app.commit("fix the initial export");
    fixed = heroku.deploy(new AppSource(app.dir()), vars);
  }

  @AfterAll
  static void cleanUp() {
    if (scenario != null) {
      scenario.close();
    }
  }

  @Test
  void aFailingCreateInitialHookFailsTheReleaseWithTheHooksExitCode() {
    PhaseResult release = failed.require("release process");
    assertThat(failed.succeeded()).isFalse();
    assertThat(release.exitCode()).as(release.output()).isEqualTo(HOOK_EXIT);
    assertThat(release.stdout().lines()).as(release.output()).contains(
        "Fetching data using script 'data/create-initial-events'.",
        "       exporting the initial events",
        "Error loading event data: 'data/create-initial-events' failed with exit code " + HOOK_EXIT);
    assertThat(release.stderr().lines()).as(release.output()).contains("Error loading data.");
  }

  @Test
  void afterAFailedReleaseNothingIsTrainedOrStarted() {
    assertThat(failed.processes()).isEmpty();
    assertThat(callsAfterFailed).as(failed.require("release process").output()).containsExactly("build");
  }

  @Test
  void aFailedInitialLoadStoresNoEventsOnlyTheMarkThatItStarted() {
    assertThat(storedAfterFailed).as(failed.require("release process").output()).singleElement()
        .satisfies(mark -> {
          assertThat(mark.entityType()).isEqualTo("checkpoint");
          assertThat(mark.entityId()).isEqualTo("pio-buildpack-initial-load");
          assertThat(mark.properties().asMap()).containsOnlyKeys("startedAt");
        });
  }

  @Test
  void theNextDeployWithTheFixedHookLoadsEachInitialEventOnce() {
    PhaseResult release = fixed.require("release process");
    assertThat(fixed.succeeded()).as("%s", fixed.phases()).isTrue();
    assertThat(release.stdout().lines()).as(release.output())
        .contains("Found '" + APP + "' (App ID " + StoredEvents.app(database, APP).orElseThrow().id()
            + ") without a completed initial load: loading it now.")
        .anyMatch(line -> line.matches("Imported " + EVENTS + " events \\(0 already present\\) in \\d+\\.\\d s\\."
            + " Initial load complete\\."));
    assertThat(StoredEvents.data(database, APP)).extracting(e -> e.eventIdOpt().orElseThrow())
        .as(release.output()).hasSize(EVENTS).containsExactlyInAnyOrderElementsOf(EngineEvents.ids("initial", 1, EVENTS));
    assertThat(fixed.process("web")).hasValueSatisfying(web -> assertThat(web.listening()).isTrue());
  }
}
