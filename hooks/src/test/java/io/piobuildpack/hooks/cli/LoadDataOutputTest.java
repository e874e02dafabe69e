package io.piobuildpack.hooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole text {@code pio-data load-data} prints, line by line, for the main paths of the data flow: what users
 * and their log searches see must not change when the flow reports through events. Runs on SQLite (a fresh store
 * per test, so the app id is 1); import durations are replaced by {@code T}.
 */
class LoadDataOutputTest {

  @TempDir
  Path appDir;

  @TempDir
  Path storeDir;

  private AppFixture app;
  private PioDataRunner cli;

  @BeforeEach
  void setUp() {
    app = new AppFixture(appDir);
    cli = new PioDataRunner(appDir).databaseUrl("jdbc:sqlite:" + storeDir.resolve("pio.db"))
        .env("PIO_EVENTSERVER_APP_NAME", "shop")
        .env("PIO_EVENTSERVER_ACCESS_KEY", "secret-key-of-shop")
        .env("PIO_DATABASE_WAIT", "1");
  }

  private String run(int expectedCode) {
    CliRun result = cli.run("load-data");
    assertThat(result.code()).as(result.output()).isEqualTo(expectedCode);
    assertThat(result.err()).isEmpty();
    return result.out().replace(storeDir.toString(), "STORE").replace(appDir.toString(), "APP").replaceAll(" in \\d+\\.\\d s", " in T s");
  }

  @Test
  void noHookFilesPrintOneLine() {
    assertThat(run(0)).isEqualTo("""
        No data hooks (data/initial-events.json, data/create-initial-events, data/create-sync-events), so there \
        is no data to load.
        """);
  }

  @Test
  void initialLoadWithAHookThenNoSyncDefined() {
    app.script("data/create-initial-events", "echo fetched for app $PIO_EVENTSERVER_APP_ID\n"
        + "cat > data/initial-events.json <<'EOF'\n" + AppFixture.userEvents(1, 3) + "EOF\n");

    assertThat(run(0)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Creating 'shop' in the event store.
        Created App ID 1.
        Fetching data using script 'data/create-initial-events'.
               fetched for app 1
        Importing events for training to App ID 1 from 'data/initial-events.json'.
        Imported 3 events (0 already present) in T s. Initial load complete.
        """);
    assertThat(run(0)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Found 'shop' in the eventserver. No data sync defined, so skipping data load.
        """);
  }

  @Test
  void initialLoadInOneTransactionThenSyncs() {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 3));
    assertThat(run(0)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Creating 'shop' in the event store and importing 'data/initial-events.json' in one transaction.
        Importing events for training to App ID 1 from 'data/initial-events.json'.
        Imported 3 events (0 already present) in T s. Initial load complete.
        """);

    app.script("data/create-sync-events", "echo nothing\n");
    assertThat(run(0)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Fetching data using script 'data/create-sync-events'.
               nothing
        No event data found to import. 'data/create-sync-events' did not produce the file 'data/sync-events.json'.
        """);

    app.script("data/create-sync-events", "echo some\ncat > data/sync-events.json <<'EOF'\n"
        + AppFixture.userEvents(10, 2) + "EOF\n");
    assertThat(run(0)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Fetching data using script 'data/create-sync-events'.
               some
        Syncing events for training to App ID 1.
        Imported 2 events (0 already present) in T s. Moved 'data/sync-events.json' to \
        'data/sync-events.json.imported'.
        """);
  }

  @Test
  void syncWithAStaleFileAndPurge() {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 3));
    run(0);
    app.write("data/sync-events.json", AppFixture.userEvents(50, 5));
    app.script("data/create-sync-events", "echo synced\n"
        + "cat > data/sync-events.json <<'EOF'\n" + AppFixture.userEvents(10, 2) + "EOF\n");
    cli.env("PIO_PURGE_EVENTS_ON_SYNC", "true");

    assertThat(run(0)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Moved 'data/sync-events.json' left from an earlier run to 'data/sync-events.json.stale'; only a file the \
        sync script writes now is imported.
        Fetching data using script 'data/create-sync-events'.
               synced
        Replacing existing event data (checkpoints are kept), because `PIO_PURGE_EVENTS_ON_SYNC=true`; old events \
        stay if the import fails.
        Imported 2 events (0 already present) in T s. Moved 'data/sync-events.json' to \
        'data/sync-events.json.imported'.
        """);
  }

  @Test
  void anAppCreatedElsewhereGoesStraightToSync() {
    assertThat(cli.run("app", "new", "shop").code()).isZero();
    app.write("data/initial-events.json", AppFixture.userEvents(1, 3));
    app.script("data/create-sync-events", "echo nothing\n");

    assertThat(run(0)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Found 'shop' (App ID 1) created outside the data hooks, so its initial data counts as loaded: \
        'data/initial-events.json' and 'data/create-initial-events' are not run.
        Fetching data using script 'data/create-sync-events'.
               nothing
        No event data found to import. 'data/create-sync-events' did not produce the file 'data/sync-events.json'.
        """);
  }

  @Test
  void aFailedInitialHookIsResumedAtTheNextRelease() {
    app.script("data/create-initial-events", "echo failing\nexit 2\n");
    assertThat(run(2)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Creating 'shop' in the event store.
        Created App ID 1.
        Fetching data using script 'data/create-initial-events'.
               failing
        Error loading event data: 'data/create-initial-events' failed with exit code 2
        """);

    app.script("data/create-initial-events", "cat > data/initial-events.json <<'EOF'\n"
        + AppFixture.userEvents(1, 1) + "EOF\n");
    assertThat(run(0)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Found 'shop' (App ID 1) without a completed initial load: loading it now.
        Fetching data using script 'data/create-initial-events'.
        Importing events for training to App ID 1 from 'data/initial-events.json'.
        Imported 1 event (0 already present) in T s. Initial load complete.
        """);
  }

  @Test
  void badLinesAreListedThenTheErrorAndNothingIsImported() {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 3) + "{\"event\":\"$set\"}\n");

    assertThat(run(1)).isEqualTo("""
        Event store: jdbc:sqlite:STORE/pio.db (from --database-url)
        Creating 'shop' in the event store and importing 'data/initial-events.json' in one transaction.
        APP/data/initial-events.json:4: entityType: field is required
        Error loading event data: APP/data/initial-events.json: 1 bad line; nothing was imported. The store is \
        unchanged; fix the file and release again.
        """);
  }

  @Test
  void aMissingAppNameIsARetryLater() {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 3));
    cli.unset("PIO_EVENTSERVER_APP_NAME");

    assertThat(run(3)).isEqualTo("""
        PIO_EVENTSERVER_APP_NAME is required to load data. Skipping data load.
        """);
  }
}
