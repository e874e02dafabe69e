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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: later deploys of an engine whose {@code data/create-sync-events} hook exports what changed since the
 * last sync. The first deploy loads {@code initial-1..10}; the second commit adds the hook and deploys: it gets no
 * checkpoint yet, exports {@code sync-1..5} plus {@code initial-9} and {@code initial-10} again (an overlapping
 * window) and the sync checkpoint; the third deploy, with {@code PIO_PURGE_ON_SYNC=true}, gets that checkpoint and
 * exports {@code sync-6..8} and a new checkpoint. One app, one database, three deploys (about 12 s); each test
 * checks one behaviour on what the deploys left.
 */
class SecondDeploySyncIT {

  private static final String APP = "synced";
  private static final String FIRST_SYNC = "2024-02-01T00:00:00Z";
  private static final String SECOND_SYNC = "2024-03-01T00:00:00Z";

  @TempDir static Path temp;

  private static Scenario scenario;
  private static TestDatabase database;
  private static Deployment second;
  private static Deployment third;
  private static List<Event> afterSecond;
  private static Optional<Map<String, Object>> checkpointAfterSecond;
  private static List<Event> afterThird;

  @BeforeAll
  static void deployThreeTimes() {
    scenario = Scenario.in(temp);
    database = scenario.database();
    AppFixture app = scenario.engineApp(APP, EngineEvents.rates("initial", 1, 10));
    Map<String, String> vars = Scenario.configVars(database, APP);
    HerokuDeployer heroku = scenario.heroku(APP);
    Deployment first = heroku.deploy(new AppSource(app.dir()), vars);
    assertThat(first.succeeded()).as("%s", first.phases()).isTrue();

    app.script("data/create-sync-events", syncHook());
    app.commit("export changed events at every release");
    second = heroku.deploy(new AppSource(app.dir()), vars);
    afterSecond = StoredEvents.of(database, APP);
    checkpointAfterSecond = StoredEvents.checkpoint(database, APP, "sync");

    vars.put("PIO_PURGE_ON_SYNC", "true");
    third = heroku.deploy(new AppSource(app.dir()), vars);
    afterThird = StoredEvents.of(database, APP);
  }

  @AfterAll
  static void cleanUp() {
    if (scenario != null) {
      scenario.close();
    }
  }

  /**
   * The hook: prints the checkpoint it got, and writes the changes since it (the first sync: {@code sync-1..5} and,
   * again, {@code initial-9..10}; later: {@code sync-6..8}) followed by the new {@code sync} checkpoint.
   */
  private static String syncHook() {
    return "set -eu\n"
        + "echo \"checkpoint: ${PIO_SYNC_CHECKPOINT:-none}\"\n"
        + "if [ -z \"${PIO_SYNC_LAST_UPDATED_AT:-}\" ]; then\n"
        + "  cat > data/sync-events.json <<'EOF'\n"
        + EngineEvents.rates("sync", 1, 5) + EngineEvents.rates("initial", 9, 2) + checkpoint(FIRST_SYNC)
        + "EOF\n"
        + "else\n"
        + "  cat > data/sync-events.json <<'EOF'\n"
        + EngineEvents.rates("sync", 6, 3) + checkpoint(SECOND_SYNC)
        + "EOF\n"
        + "fi\n";
  }

  private static String checkpoint(String lastUpdatedAt) {
    return "{\"event\":\"$set\",\"entityType\":\"checkpoint\",\"entityId\":\"sync\",\"properties\":{\"lastUpdatedAt\":\""
        + lastUpdatedAt + "\"},\"eventTime\":\"" + lastUpdatedAt + "\"}\n";
  }

  private static List<String> dataIds(List<Event> events) {
    return events.stream().filter(e -> !e.entityType().equals("checkpoint"))
        .map(e -> e.eventIdOpt().orElseThrow()).toList();
  }

  @Test
  void aSecondDeployImportsTheSyncDataWithoutDuplicatingEventsAlreadyStored() {
    PhaseResult release = second.require("release process");
    assertThat(second.succeeded()).as("%s", second.phases()).isTrue();
    assertThat(release.stdout().lines()).as(release.output())
        .contains("Fetching data using script 'data/create-sync-events'.", "       checkpoint: none")
        .anyMatch(line -> line.matches("Imported 6 events \\(2 already present\\) in \\d+\\.\\d s\\. "
            + "Moved 'data/sync-events\\.json' to 'data/sync-events\\.json\\.imported'\\."));
    List<String> expected = new ArrayList<>(EngineEvents.ids("initial", 1, 10));
    expected.addAll(EngineEvents.ids("sync", 1, 5));
    assertThat(dataIds(afterSecond)).as(release.output()).hasSize(15).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theSyncCheckpointIsStoredAndHandedToTheNextSync() {
    assertThat(checkpointAfterSecond).contains(Map.of("lastUpdatedAt", FIRST_SYNC));
    PhaseResult release = third.require("release process");
    assertThat(release.stdout().lines()).as(release.output())
        .contains("       checkpoint: {\"lastUpdatedAt\":\"" + FIRST_SYNC + "\"}");
    assertThat(StoredEvents.checkpoint(database, APP, "sync")).contains(Map.of("lastUpdatedAt", SECOND_SYNC));
  }

  @Test
  void purgeOnSyncLeavesOnlyTheNewDataAndTheCheckpoints() {
    PhaseResult release = third.require("release process");
    assertThat(third.succeeded()).as("%s", third.phases()).isTrue();
    assertThat(release.stdout().lines()).as(release.output())
        .contains("Replacing existing event data (checkpoints are kept), because `PIO_PURGE_ON_SYNC=true`; old"
            + " events stay if the import fails.")
        .anyMatch(line -> line.matches("Imported 4 events \\(0 already present\\) in \\d+\\.\\d s\\. "
            + "Moved 'data/sync-events\\.json' to 'data/sync-events\\.json\\.imported'\\."));
    assertThat(dataIds(afterThird)).as(release.output())
        .containsExactlyInAnyOrderElementsOf(EngineEvents.ids("sync", 6, 3));
    assertThat(afterThird).filteredOn(e -> e.entityType().equals("checkpoint")).extracting(Event::entityId)
        .containsExactlyInAnyOrder("pio-buildpack-initial-load", "sync", "sync");
    assertThat(StoredEvents.checkpoint(database, APP, "pio-buildpack-initial-load")).hasValueSatisfying(
        mark -> assertThat(mark).containsKey("completedAt"));
  }
}
