package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.heroku.HerokuDeployer;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 6: an engine first deployed with the original heroku/predictionio-buildpack switches to this buildpack.
 * Its app, access key and initial events are already in PostgreSQL as PredictionIO's {@code pio app new} and
 * {@code pio import} made them ({@link OriginalBuildpackData}: no checkpoint of this toolkit), its repository keeps
 * the original's {@code Procfile} (launcher names of the original) and data hooks. Only the repository and the
 * database carry over: a Heroku build starts from the pushed commit, and the original kept nothing in
 * {@code CACHE_DIR} (its {@code bin/compile} downloaded into the build directory). The first release with this
 * buildpack must not import {@code data/initial-events.json} again, must say so in one line, and must run the
 * sync hook (README, "Migrating from the original buildpack").
 */
class MigrationFromOriginalIT {

  /** The original's launchers (https://github.com/heroku/predictionio-buildpack/tree/master/bin/engine). */
  private static final String ORIGINAL_PROCFILE = """
      web: bin/heroku-buildpack-pio-web
      release: bin/heroku-buildpack-pio-load-data
      """;

  @TempDir Path temp;

  @Test
  void theFirstReleaseAfterTheSwitchKeepsTheOriginalsEventsOnceAndImportsTheSyncData() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      TestDatabase database = scenario.database();
      String initialEvents = EngineEvents.ratesWithoutIds(1, 20);
      AppFixture app = scenario.engineApp("legacy", initialEvents)
          .write("Procfile", ORIGINAL_PROCFILE)
          .script("data/create-sync-events", "cat > data/sync-events.json <<'EVENTS'\n"
              + EngineEvents.rates("sync", 1, 5) + "EVENTS\n");
      app.commit("the original buildpack's Procfile and a sync hook");
      List<String> originalIds = OriginalBuildpackData.appWithImportedEvents(database, "legacy",
          Scenario.ACCESS_KEY, initialEvents);
      int appId = StoredEvents.app(database, "legacy").orElseThrow().id();
      HerokuDeployer heroku = scenario.heroku("legacy");

      Deployment deployment = heroku.deploy(new AppSource(app.dir()), Scenario.configVars(database, "legacy"));

      assertThat(deployment.succeeded()).as("%s", deployment.phases()).isTrue();
      String release = deployment.require("release process").stdout();
      assertThat(release.lines().filter(l -> l.contains("created outside the data hooks"))).as(release)
          .containsExactly("Found 'legacy' (App ID " + appId + ") created outside the data hooks, so its initial"
              + " data counts as loaded: 'data/initial-events.json' and 'data/create-initial-events' are not run.");
      assertThat(release.lines()).as(release)
          .contains("Fetching data using script 'data/create-sync-events'.")
          .anyMatch(l -> l.matches("Imported 5 events \\(0 already present\\) in [0-9.]+ s\\..*"));
      assertThat(StoredEvents.appCount(database)).isEqualTo(1);
      List<Event> stored = StoredEvents.data(database, "legacy");
      List<String> expected = new ArrayList<>(originalIds);
      expected.addAll(EngineEvents.ids("sync", 1, 5));
      assertThat(stored).hasSize(25).extracting(e -> e.eventIdOpt().orElseThrow())
          .containsExactlyInAnyOrderElementsOf(expected);
      Event third = stored.stream().filter(e -> e.eventIdOpt().orElseThrow().equals(originalIds.get(2)))
          .findFirst().orElseThrow();
      assertThat(third.entityId()).isEqualTo("u3");
      assertThat(third.targetEntityIdOpt()).contains("i3");
      assertThat(third.properties().asMap()).containsOnlyKeys("rating");
      assertThat(third.eventTime().toInstant()).isEqualTo("2024-01-04T10:00:00Z");
      assertThat(StoredEvents.of(database, "legacy")).filteredOn(e -> e.entityType().equals("checkpoint"))
          .extracting(Event::entityId).doesNotContain("pio-buildpack-initial-load");
    }
  }

  @Test
  void aSecondReleaseAfterTheSwitchStillImportsNoInitialEventAndSyncsAgain() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      TestDatabase database = scenario.database();
      String initialEvents = EngineEvents.ratesWithoutIds(1, 8);
      AppFixture app = scenario.engineApp("legacy", initialEvents)
          .script("data/create-sync-events", "cat > data/sync-events.json <<'EVENTS'\n"
              + EngineEvents.rates("sync", 1, 2) + "EVENTS\n");
      app.commit("a sync hook");
      List<String> originalIds = OriginalBuildpackData.appWithImportedEvents(database, "legacy",
          Scenario.ACCESS_KEY, initialEvents);
      HerokuDeployer heroku = scenario.heroku("legacy");
      Map<String, String> vars = Scenario.configVars(database, "legacy");
      assertThat(heroku.deploy(new AppSource(app.dir()), vars).succeeded()).isTrue();
      app.script("data/create-sync-events", "cat > data/sync-events.json <<'EVENTS'\n"
          + EngineEvents.rates("sync", 1, 4) + "EVENTS\n");
      app.commit("more sync data");

      Deployment second = heroku.deploy(new AppSource(app.dir()), vars);

      assertThat(second.succeeded()).as("%s", second.phases()).isTrue();
      assertThat(second.require("release process").stdout()).contains("created outside the data hooks")
          .contains("Imported 2 events (2 already present)");
      List<String> expected = new ArrayList<>(originalIds);
      expected.addAll(EngineEvents.ids("sync", 1, 4));
      assertThat(StoredEvents.data(database, "legacy")).extracting(e -> e.eventIdOpt().orElseThrow())
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
