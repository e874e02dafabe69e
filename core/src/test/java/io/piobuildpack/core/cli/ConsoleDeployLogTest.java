package io.piobuildpack.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.core.output.EventSamples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pio-data's console rendering: the sentences load-data has always printed, one per event. */
class ConsoleDeployLogTest {

  private final StringWriter text = new StringWriter();
  private final ConsoleDeployLog log = new ConsoleDeployLog(new PrintWriter(text));

  @Test
  void rendersAnInitialLoadWithAHookAsLoadDataPrintsIt() {
    log.usingEventStore("PostgreSQL at db.example.com:5432/d1");
    log.waitingForDatabase(Duration.ofSeconds(30));
    log.creatingApp("shop");
    log.appCreated("shop", 7);
    log.hookStarted("data/create-initial-events");
    log.hookOutput("fetched 5 events");
    log.importing(7, "data/initial-events.json");
    log.imported(5, 0, Duration.ofMillis(340));
    log.initialLoadCompleted(7);

    assertThat(text.toString()).isEqualTo("""
        Event store: PostgreSQL at db.example.com:5432/d1
        Waiting up to 30 s for the database to answer...
        Creating 'shop' in the event store.
        Created App ID 7.
        Fetching data using script 'data/create-initial-events'.
               fetched 5 events
        Importing events for training to App ID 7 from 'data/initial-events.json'.
        Imported 5 events (0 already present) in 0.3 s. Initial load complete.
        """);
  }

  @Test
  void rendersASyncWithStaleFileAndPurgeAsLoadDataPrintsIt() {
    log.staleFileSetAside("data/sync-events.json", "data/sync-events.json.stale");
    log.hookStarted("data/create-sync-events");
    log.replacingEvents(7, "data/sync-events.json", "PIO_PURGE_EVENTS_ON_SYNC");
    log.imported(2, 1, Duration.ofMillis(1250));
    log.importedFileMoved("data/sync-events.json", "data/sync-events.json.imported");
    log.syncing(7, "data/sync-events.json");
    log.hookProducedNothing("data/create-sync-events", "data/sync-events.json");
    log.noSyncDefined("shop", "data/create-sync-events");

    assertThat(text.toString()).isEqualTo("""
        Moved 'data/sync-events.json' left from an earlier run to 'data/sync-events.json.stale'; only a file the \
        sync script writes now is imported.
        Fetching data using script 'data/create-sync-events'.
        Replacing existing event data (checkpoints are kept), because `PIO_PURGE_EVENTS_ON_SYNC=true`; old events \
        stay if the import fails.
        Imported 2 events (1 already present) in 1.3 s. Moved 'data/sync-events.json' to \
        'data/sync-events.json.imported'.
        Syncing events for training to App ID 7.
        No event data found to import. 'data/create-sync-events' did not produce the file 'data/sync-events.json'.
        Found 'shop' in the eventserver. No data sync defined, so skipping data load.
        """);
  }

  @Test
  void rendersTheOneTransactionLoadAndTheAppsFoundAsLoadDataPrintsThem() {
    log.noDataHooks(List.of("data/initial-events.json", "data/create-initial-events", "data/create-sync-events"));
    log.creatingAppWithEvents("shop", "data/initial-events.json");
    log.resumingInitialLoad("shop", 7);
    log.initialLoadDoneElsewhere("shop", 7, List.of("data/initial-events.json", "data/create-initial-events"));

    assertThat(text.toString()).isEqualTo("""
        No data hooks (data/initial-events.json, data/create-initial-events, data/create-sync-events), so there \
        is no data to load.
        Creating 'shop' in the event store and importing 'data/initial-events.json' in one transaction.
        Found 'shop' (App ID 7) without a completed initial load: loading it now.
        Found 'shop' (App ID 7) created outside the data hooks, so its initial data counts as loaded: \
        'data/initial-events.json' and 'data/create-initial-events' are not run.
        """);
  }

  @Test
  void anImportSummaryFollowedByAnotherEventStandsOnItsOwnLine() {
    log.imported(2, 0, Duration.ZERO);
    log.error("Error loading event data: disk full");
    log.imported(3, 0, Duration.ZERO);
    log.flush();

    assertThat(text.toString()).isEqualTo("""
        Imported 2 events (0 already present) in 0.0 s
        Error loading event data: disk full
        Imported 3 events (0 already present) in 0.0 s
        """);
  }

  @Test
  void warningsAndErrorsArePlainLinesOnTheSameStream() {
    log.warning("PIO_EVENTSERVER_APP_NAME is required to load data. Skipping data load.");
    log.error("'data/create-initial-events' failed with exit code 2");

    assertThat(text.toString()).isEqualTo("""
        PIO_EVENTSERVER_APP_NAME is required to load data. Skipping data load.
        'data/create-initial-events' failed with exit code 2
        """);
  }

  @Test
  void everyEventIsRenderedAsAtLeastOneLine() {
    for (Method event : DeployLog.class.getMethods()) {
      StringWriter one = new StringWriter();
      ConsoleDeployLog console = new ConsoleDeployLog(new PrintWriter(one));
      EventSamples.call(console, event);
      console.flush();
      assertThat(one.toString()).as(event.getName()).endsWith("\n").hasSizeGreaterThan(1);
    }
  }
}
