package io.piobuildpack.hooks.cli;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.PropertyMap;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.hooks.data.Checkpoints;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.process.CommandResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load-data decision table through the real {@code pio-data load-data} command, with hook scripts written by
 * the tests, run against each store dialect by a subclass.
 */
abstract class LoadDataContract {

  private static final AtomicInteger APPS = new AtomicInteger();

  @TempDir
  Path appDir;

  AppFixture app;
  PioDataRunner cli;
  String appName;
  /** Access keys are unique across apps, so each test has its own. */
  String key;

  /** The store the hooks load into. */
  abstract String databaseUrl();

  @BeforeEach
  void setUp() {
    app = AppFixture.in(appDir);
    appName = "app-" + getClass().getSimpleName().toLowerCase() + "-" + APPS.incrementAndGet();
    key = "key-of-" + appName;
    cli = new PioDataRunner(appDir).databaseUrl(databaseUrl())
        .env("PIO_EVENTSERVER_APP_NAME", appName)
        .env("PIO_EVENTSERVER_ACCESS_KEY", key)
        .env("PIO_DATABASE_WAIT", "1");
  }

  private EventStore store() {
    return JdbcEventStore.open(StorageSettings.of(databaseUrl(), null, null));
  }

  Optional<App> findApp() {
    try (EventStore store = store()) {
      return store.apps().findByName(appName);
    }
  }

  long eventCount() {
    try (EventStore store = store()) {
      return store.events().count(EventScope.of(store.apps().findByName(appName).orElseThrow().id()));
    }
  }

  Optional<PropertyMap> checkpoint(String name) {
    try (EventStore store = store()) {
      return new Checkpoints(store).read(EventScope.of(store.apps().findByName(appName).orElseThrow().id()), name);
    }
  }

  CommandResult loadData() {
    return cli.run("load-data");
  }

  @Test
  void loadDataWithNoHookFilesDoesNothingAndNeverTouchesTheDatabase() {
    CommandResult result = cli.databaseUrl("jdbc:postgresql://127.0.0.1:1/unreachable?user=u").run("load-data");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("no data to load");
  }

  @Test
  void loadDataWithoutAppNameExitsThreeNamingTheVariable() {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.unset("PIO_EVENTSERVER_APP_NAME").run("load-data");

    assertThat(result).exitedWith(3);
    assertThat(result.out()).contains("PIO_EVENTSERVER_APP_NAME is required to load data. Skipping data load.");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void loadDataOnHerokuWithoutAnyDatabaseExitsThreeNamingDatabaseUrl() {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult onDyno = cli.databaseUrl(null).env("DYNO", "release.1").run("load-data");
    CommandResult required = cli.databaseUrl(null).unset("DYNO").env("PIO_REQUIRE_DATABASE", "true")
        .run("load-data");

    assertThat(onDyno).exitedWith(3);
    assertThat(onDyno.out()).contains("DATABASE_URL is required to load data. Skipping data load.");
    assertThat(required).exitedWith(3);
    assertThat(app.exists(".pio_store/pio.db")).isFalse();
  }

  @Test
  void loadDataWithUnreachableDatabaseWaitsThenExitsThree() {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.databaseUrl("jdbc:postgresql://127.0.0.1:1/unreachable?user=u&password=secretpw")
        .run("load-data");

    assertThat(result).exitedWith(3);
    assertThat(result.out()).contains("Waiting up to 1 s for the database").contains("could not be used within 1 s")
        .doesNotContain("secretpw");
  }

  @Test
  void initialLoadWithoutAccessKeyExitsThreeAndCreatesNothing() {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.unset("PIO_EVENTSERVER_ACCESS_KEY").run("load-data");

    assertThat(result).exitedWith(3);
    assertThat(result.out()).contains("PIO_EVENTSERVER_ACCESS_KEY is required to initialize the eventserver.");
    assertThat(findApp()).isEmpty();
  }

  @Test
  void initialLoadCreatesTheAppWithTheKeyImportsTheFileAndMarksItComplete() {
    app.write("data/initial-events.json", UserEvents.lines(1, 5));

    CommandResult result = loadData();

    assertThat(result).succeeded();
    App created = findApp().orElseThrow();
    assertThat(result.out()).contains("Importing events for training to App ID " + created.id())
        .contains("Imported 5 events (0 already present)").doesNotContain(key);
    assertThat(eventCount()).isEqualTo(5 + 1);
    assertThat(checkpoint(Checkpoints.INITIAL_LOAD)).isPresent();
    try (EventStore store = store()) {
      assertThat(store.accessKeys().find(key)).hasValueSatisfying(key -> assertThat(key.appId())
          .isEqualTo(created.id()));
    }
  }

  @Test
  void initialLoadRunsTheCreateInitialHookWithTheAppIdAndStreamsItsOutputIndented() {
    app.script("data/create-initial-events", "echo did-create-events for app $PIO_EVENTSERVER_APP_ID\n"
        + "cat > data/initial-events.json <<'EOF'\n" + UserEvents.lines(1, 3) + "EOF\n");

    CommandResult result = loadData();

    assertThat(result).succeeded();
    int id = findApp().orElseThrow().id();
    assertThat(result.out()).contains("Fetching data using script 'data/create-initial-events'.")
        .contains("\n       did-create-events for app " + id + "\n");
    assertThat(eventCount()).as("events, started mark, completed mark").isEqualTo(3 + 2);
  }

  @Test
  void initialLoadWhenHookWritesNoFileExitsOneWithTheOriginalMessage() {
    app.script("data/create-initial-events", "echo did-create-events\n");

    CommandResult result = loadData();

    assertThat(result).exitedWith(1);
    assertThat(result.out()).contains("did not produce the required output file 'data/initial-events.json'");
    assertThat(checkpoint(Checkpoints.INITIAL_LOAD)).hasValueSatisfying(
        mark -> assertThat(Checkpoints.isCompleted(mark)).isFalse());
  }

  @Test
  void initialLoadThatFailedAfterTheAppWasCreatedIsRetriedByTheNextRunAndEndsWithOneCopy() {
    app.script("data/create-initial-events", "cat > data/initial-events.json <<'EOF'\n"
        + UserEvents.linesWithoutIds(1, 4) + "EOF\nexit 1\n");

    CommandResult failed = loadData();
    assertThat(failed).exitedWith(1);
    assertThat(findApp()).isPresent();
    assertThat(eventCount()).as("only the started mark").isEqualTo(1);

    app.script("data/create-initial-events", "cat > data/initial-events.json <<'EOF'\n"
        + UserEvents.linesWithoutIds(1, 4) + "EOF\n");
    app.script("data/create-sync-events", "echo sync must not run yet\n");
    CommandResult retried = loadData();

    assertThat(retried).succeeded();
    assertThat(retried.out()).contains("without a completed initial load").doesNotContain("sync must not run");
    assertThat(eventCount()).as("events, started mark, completed mark").isEqualTo(4 + 2);
  }

  /** The shell case: an app made with {@code app new} and {@code import} before switching to the hooks. */
  @Test
  void appCreatedOutsideTheHooksIsNotLoadedAgainAndGoesOnToSync() {
    String events = UserEvents.linesWithoutIds(1, 3);
    app.write("data/initial-events.json", events);
    CommandResult created = cli.run("app", "new", appName, "--access-key", key);
    CommandResult imported = cli.run("import", "--app", appName, "--input",
        app.file("data/initial-events.json").toString());
    assertThat(created).succeeded();
    assertThat(imported).succeeded();

    CommandResult result = loadData();

    assertThat(result).succeeded();
    assertThat(result.out()).contains("created outside the data hooks, so its initial data counts as loaded")
        .contains("No data sync defined, so skipping data load.").doesNotContain("Imported");
    assertThat(eventCount()).as("the three events once, no mark added").isEqualTo(3);
    CommandResult exported = cli.run("export", "--app", appName, "--output", "-");
    assertThat(exported.out().lines().count()).isEqualTo(3);
  }

  @Test
  void appCreatedOutsideTheHooksRunsTheSyncHookOnTheFirstRelease() {
    assertThat(cli.run("app", "new", appName, "--access-key", key)).succeeded();
    app.write("data/initial-events.json", UserEvents.lines(1, 3));
    app.script("data/create-initial-events", "echo initial must not run\n");
    app.script("data/create-sync-events", "cat > data/sync-events.json <<'EOF'\n"
        + UserEvents.lines(10, 2) + "EOF\n");

    CommandResult result = loadData();

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Syncing events for training").doesNotContain("initial must not run");
    assertThat(eventCount()).isEqualTo(2);
  }

  @Test
  void appCreatedByTheHooksCarriesTheStartedMarkBeforeItsHookRuns() {
    app.script("data/create-initial-events", "exit 1\n");

    assertThat(loadData()).exitedWith(1);

    assertThat(checkpoint(Checkpoints.INITIAL_LOAD)).hasValueSatisfying(mark -> {
      assertThat(mark.fields().contains(Checkpoints.STARTED_AT)).isTrue();
      assertThat(Checkpoints.isCompleted(mark)).isFalse();
    });
  }

  @Test
  void initialLoadWithABadLineReportsItCreatesNeitherAppNorEventsAndIsRetriedLater() {
    app.write("data/initial-events.json", UserEvents.lines(1, 3)
        + "{\"event\":\"$set\",\"entityType\":\"user\"}\n");

    CommandResult result = loadData();

    assertThat(result).exitedWith(1);
    assertThat(result.out()).contains("data/initial-events.json:4: entityId: field is required");
    assertThat(findApp()).as("app, key, events and mark commit together").isEmpty();

    app.write("data/initial-events.json", UserEvents.lines(1, 3));
    assertThat(loadData()).succeeded();
    assertThat(eventCount()).isEqualTo(3 + 1);
  }

  @Test
  void hookThatIsNotExecutableFailsSayingChmod() {
    app.write("data/create-initial-events", "#!/bin/sh\necho hi\n");

    CommandResult result = loadData();

    assertThat(result).exitedWith(1);
    assertThat(result.out()).contains("chmod +x data/create-initial-events");
  }

  @Test
  void hookExitingThreeMeansRetryLater() {
    app.script("data/create-initial-events", "echo source not ready\nexit 3\n");

    CommandResult result = loadData();

    assertThat(result).exitedWith(3);
    assertThat(result.out()).contains("'data/create-initial-events' failed with exit code 3 (transient: retry later)");
  }

  @Test
  void loadDataWithAnUnusableTimeoutNamesTheVariableAndExitsOne() {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.env("PIO_HOOK_TIMEOUT", "ten minutes").run("load-data");

    assertThat(result).exitedWith(1);
    assertThat(result.out()).contains("PIO_HOOK_TIMEOUT must be a whole number of seconds, not 'ten minutes'");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void hookThatHangsIsKilledAtTheTimeout() {
    app.script("data/create-initial-events", "echo starting\nsleep 600\n");

    CommandResult result = cli.env("PIO_HOOK_TIMEOUT", "1").run("load-data");

    assertThat(result).exitedWith(124);
    assertThat(result.out()).contains("did not finish within 1 s and was stopped");
  }

  /** Runs the initial load so that the next run takes the sync path. */
  private void initialLoadDone() {
    app.write("data/initial-events.json", UserEvents.lines(1, 3));
    assertThat(loadData()).succeeded();
  }

  @Test
  void syncWithoutSyncHookSaysSoAndExitsZero() {
    initialLoadDone();

    CommandResult result = loadData();

    assertThat(result).succeeded();
    assertThat(result.out()).contains("No data sync defined, so skipping data load.");
    assertThat(eventCount()).isEqualTo(3 + 1);
  }

  @Test
  void syncImportsWhatTheHookWritesAndMovesTheFileAside() {
    initialLoadDone();
    app.script("data/create-sync-events", "echo events-did-sync\n"
        + "cat > data/sync-events.json <<'EOF'\n" + UserEvents.lines(10, 2) + "EOF\n");

    CommandResult result = loadData();

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Syncing events for training to App ID " + findApp().orElseThrow().id())
        .contains("       events-did-sync");
    assertThat(eventCount()).isEqualTo(3 + 1 + 2);
    assertThat(app.exists("data/sync-events.json")).isFalse();
    assertThat(app.exists("data/sync-events.json.imported")).isTrue();
  }

  @Test
  void syncWhenHookWritesNothingSaysSoAndExitsZero() {
    initialLoadDone();
    app.script("data/create-sync-events", "echo nothing new\n");

    CommandResult result = loadData();

    assertThat(result).succeeded();
    assertThat(result.out()).contains("did not produce the file 'data/sync-events.json'");
  }

  @Test
  void syncNeverImportsAFileLeftFromAnEarlierRun() {
    initialLoadDone();
    app.write("data/sync-events.json", UserEvents.lines(50, 5));
    app.script("data/create-sync-events", "echo nothing new\n");

    CommandResult result = loadData();

    assertThat(result).succeeded();
    assertThat(eventCount()).isEqualTo(3 + 1);
    assertThat(app.exists("data/sync-events.json.stale")).isTrue();
  }

  @Test
  void syncHandsThePreviousCheckpointToTheHook() {
    initialLoadDone();
    app.script("data/create-sync-events", "echo \"checkpoint=$PIO_SYNC_CHECKPOINT last=$PIO_SYNC_LAST_UPDATED_AT\"\n"
        + "cat > data/sync-events.json <<'EOF'\n"
        + "{\"event\":\"$set\",\"entityType\":\"checkpoint\",\"entityId\":\"sync\","
        + "\"properties\":{\"lastUpdatedAt\":\"2017-04-14T18:12:20Z\"},\"eventTime\":\"2017-04-14T18:12:20Z\"}\n"
        + "EOF\n");

    CommandResult first = loadData();
    CommandResult second = loadData();

    assertThat(first.out()).contains("checkpoint= last=");
    assertThat(second).succeeded();
    assertThat(second.out()).contains("checkpoint={\"lastUpdatedAt\":\"2017-04-14T18:12:20Z\"}"
        + " last=2017-04-14T18:12:20Z");
  }

  @Test
  void purgeOnSyncReplacesOldEventsKeepsCheckpointsAndNamesTheVariable() {
    initialLoadDone();
    app.script("data/create-sync-events", "cat > data/sync-events.json <<'EOF'\n"
        + UserEvents.lines(20, 2) + "EOF\n");

    CommandResult result = cli.env("PIO_PURGE_ON_SYNC", "true").run("load-data");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("because `PIO_PURGE_ON_SYNC=true`");
    assertThat(eventCount()).isEqualTo(2 + 1);
    assertThat(checkpoint(Checkpoints.INITIAL_LOAD)).isPresent();
  }

  @Test
  void purgeWithTheOriginalVariableNameAlsoWorks() {
    initialLoadDone();
    app.script("data/create-sync-events", "cat > data/sync-events.json <<'EOF'\n"
        + UserEvents.lines(20, 1) + "EOF\n");

    CommandResult result = cli.env("PIO_PURGE_EVENTS_ON_SYNC", "true").run("load-data");

    assertThat(result.out()).contains("because `PIO_PURGE_EVENTS_ON_SYNC=true`");
    assertThat(eventCount()).isEqualTo(1 + 1);
  }

  @Test
  void purgeWithABadLineInTheSyncFileLeavesTheOldEventsIntact() {
    initialLoadDone();
    app.script("data/create-sync-events", "cat > data/sync-events.json <<'EOF'\n"
        + UserEvents.lines(20, 2) + "not json\nEOF\n");

    CommandResult result = cli.env("PIO_PURGE_ON_SYNC", "true").run("load-data");

    assertThat(result).exitedWith(1);
    assertThat(result.out()).contains("data/sync-events.json:3: not valid JSON");
    assertThat(eventCount()).isEqualTo(3 + 1);
  }

  @Test
  void checkpointSetThenGetReadsTheAggregatedProperties() {
    initialLoadDone();

    CommandResult set = cli.run("checkpoint", "set", "sync", "lastUpdatedAt=2020-01-01T00:00:00Z", "cursor=42");
    CommandResult get = cli.run("checkpoint", "get", "sync");
    CommandResult property = cli.run("checkpoint", "get", "sync", "--property", "lastUpdatedAt");
    CommandResult missing = cli.run("checkpoint", "get", "never-set");

    assertThat(set).succeeded();
    assertThat(get.out()).isEqualTo("{\"lastUpdatedAt\":\"2020-01-01T00:00:00Z\",\"cursor\":\"42\"}\n");
    assertThat(property.out()).isEqualTo("2020-01-01T00:00:00Z\n");
    assertThat(missing).exitedWith(4);
  }
}
