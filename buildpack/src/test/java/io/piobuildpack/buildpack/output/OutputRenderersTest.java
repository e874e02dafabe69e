package io.piobuildpack.buildpack.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.cli.ConsoleDeployLog;
import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.core.output.EventSamples;
import io.piobuildpack.core.output.RecordingLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One recorded flow (an install, configuration files, a data load with a hook) rendered the three ways: pio-data's
 * console, Heroku classic and CNB, with the exact text each prints on each stream.
 */
class OutputRenderersTest {

  private final RecordingLog flow = new RecordingLog();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void recordTheFlow() {
    DeployLog log = flow.log();
    log.buildpackStarted("PredictionIO", "0.1.0");
    log.stepStarted("Install core components");
    log.downloading("spark 2.4.8", "https://archive.apache.org/dist/spark/spark-2.4.8/spark-2.4.8-bin-hadoop2.7.tgz");
    log.verified("spark 2.4.8", "pinned checksum", "sha256:0123abcd");
    log.installed("spark 2.4.8", "PredictionIO-dist/vendors/spark-hadoop", "not installed yet");
    log.fromCache("postgresql-jdbc 42.7.4");
    log.unverified("predictionio 0.14.0", "https://mirror.example.com/pio.tar.gz?…");
    log.stepStarted("Configure PredictionIO");
    log.rendered("PredictionIO-dist/conf/pio-env.sh", "config/pio-env.sh", true);
    log.rendered("PredictionIO-dist/vendors/spark-hadoop/conf/spark-defaults.conf",
        "bundled spark-defaults.conf.mustache", false);
    log.usingEventStore("PostgreSQL at db.example.com:5432/d1");
    log.waitingForDatabase(Duration.ofSeconds(30));
    log.creatingApp("shop");
    log.appCreated("shop", 7);
    log.hookStarted("data/create-initial-events");
    log.hookOutput("fetched 5 events");
    log.importing(7, "data/initial-events.json");
    log.imported(5, 0, Duration.ofMillis(340));
    log.initialLoadCompleted(7);
    log.hookSkipped("data/create-sync-events", "not defined");
    log.warning("The database stopped answering.\nNothing was changed.");
  }

  @Test
  void theFlowIsRecordedAsWhatHappened() {
    assertThat(flow.names()).containsExactly("buildpackStarted", "stepStarted", "downloading", "verified",
        "installed", "fromCache", "unverified", "stepStarted", "rendered", "rendered", "usingEventStore",
        "waitingForDatabase", "creatingApp", "appCreated", "hookStarted", "hookOutput", "importing", "imported",
        "initialLoadCompleted", "hookSkipped", "warning");
    assertThat(flow.events()).contains("importing(7, data/initial-events.json)", "imported(5, 0, PT0.34S)",
        "hookSkipped(data/create-sync-events, not defined)");
  }

  @Test
  void pioDataConsolePrintsPlainSentencesOnOneStream() {
    ConsoleDeployLog console = new ConsoleDeployLog(new PrintWriter(out));
    flow.replayTo(console);
    console.flush();

    assertThat(out.toString()).isEqualTo("""
        PredictionIO 0.1.0
        Install core components
        Downloading spark 2.4.8 from https://archive.apache.org/dist/spark/spark-2.4.8/spark-2.4.8-bin-hadoop2.7.tgz
        Verified spark 2.4.8 (pinned checksum sha256:0123abcd)
        Installed spark 2.4.8 into PredictionIO-dist/vendors/spark-hadoop (not installed yet)
        Using postgresql-jdbc 42.7.4 from the download cache
        WARNING: predictionio 0.14.0 from https://mirror.example.com/pio.tar.gz?… is used WITHOUT checksum \
        verification (PIO_ALLOW_UNVERIFIED_DOWNLOADS=true); give its checksum to verify it
        Configure PredictionIO
        Wrote PredictionIO-dist/conf/pio-env.sh from config/pio-env.sh
        Wrote PredictionIO-dist/vendors/spark-hadoop/conf/spark-defaults.conf from bundled \
        spark-defaults.conf.mustache
        Event store: PostgreSQL at db.example.com:5432/d1
        Waiting up to 30 s for the database to answer...
        Creating 'shop' in the event store.
        Created App ID 7.
        Fetching data using script 'data/create-initial-events'.
               fetched 5 events
        Importing events for training to App ID 7 from 'data/initial-events.json'.
        Imported 5 events (0 already present) in 0.3 s. Initial load complete.
        Skipped 'data/create-sync-events': not defined.
        The database stopped answering.
        Nothing was changed.
        """);
  }

  @Test
  void herokuClassicPrintsTopicsAndSevenSpaceDetailsWithWarningsOnStderr() {
    flow.replayTo(new HerokuClassicLog(new PrintWriter(out), new PrintWriter(err)));

    assertThat(out.toString()).isEqualTo("""
        -----> PredictionIO 0.1.0
        -----> Install core components
               Downloading spark 2.4.8 from \
        https://archive.apache.org/dist/spark/spark-2.4.8/spark-2.4.8-bin-hadoop2.7.tgz
               Verified spark 2.4.8 (pinned checksum sha256:0123abcd)
               + spark 2.4.8 (PredictionIO-dist/vendors/spark-hadoop, not installed yet)
               Using postgresql-jdbc 42.7.4 from the download cache
        -----> Configure PredictionIO
               Using custom 'config/pio-env.sh'
               Writing default 'spark-defaults.conf'
               Event store: PostgreSQL at db.example.com:5432/d1
               Waiting up to 30 s for the database to answer
        -----> Creating 'shop' in the eventserver
               Created App ID 7
        -----> Fetching data using script 'data/create-initial-events'.
               fetched 5 events
        -----> Importing events for training to App ID 7
               Imported 5 events (0 already present) in 0.3 s
               Initial load complete
               Skipping 'data/create-sync-events': not defined
        """);
    assertThat(err.toString()).isEqualTo("""
         !     Warning: predictionio 0.14.0 from https://mirror.example.com/pio.tar.gz?… is used WITHOUT checksum \
        verification (PIO_ALLOW_UNVERIFIED_DOWNLOADS=true); give its checksum to verify it
         !     Warning: The database stopped answering.
         !     Nothing was changed.
        """);
  }

  @Test
  void cnbPrintsAHeadingStepsAndDetailsWithMarkedWarningsOnStderr() {
    flow.replayTo(new CnbLog(new PrintWriter(out), new PrintWriter(err)));

    assertThat(out.toString()).isEqualTo("""

        ## PredictionIO 0.1.0

        - Install core components
          - Downloading spark 2.4.8 from \
        https://archive.apache.org/dist/spark/spark-2.4.8/spark-2.4.8-bin-hadoop2.7.tgz
          - Verified spark 2.4.8 (pinned checksum sha256:0123abcd)
          - + spark 2.4.8 (PredictionIO-dist/vendors/spark-hadoop, not installed yet)
          - Using postgresql-jdbc 42.7.4 from the download cache
        - Configure PredictionIO
          - Using custom 'config/pio-env.sh'
          - Writing default 'spark-defaults.conf'
          - Event store: PostgreSQL at db.example.com:5432/d1
          - Waiting up to 30 s for the database to answer
        - Creating 'shop' in the eventserver
          - Created App ID 7
        - Fetching data using script 'data/create-initial-events'.
              fetched 5 events
        - Importing events for training to App ID 7
          - Imported 5 events (0 already present) in 0.3 s
          - Initial load complete
          - Skipping 'data/create-sync-events': not defined
        """);
    assertThat(err.toString()).isEqualTo("""
        ! WARNING: predictionio 0.14.0 from https://mirror.example.com/pio.tar.gz?… is used WITHOUT checksum \
        verification (PIO_ALLOW_UNVERIFIED_DOWNLOADS=true); give its checksum to verify it
        ! WARNING: The database stopped answering.
        ! Nothing was changed.
        """);
  }

  @Test
  void errorsAreMarkedAsErrorsOnStderrInBothBuildpackLayouts() {
    new HerokuClassicLog(new PrintWriter(out), new PrintWriter(err)).error("Spark 9.9 is not in the inventory");
    new CnbLog(new PrintWriter(out), new PrintWriter(err)).error("Spark 9.9 is not in the inventory");

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("""
         !     Error: Spark 9.9 is not in the inventory
        ! ERROR: Spark 9.9 is not in the inventory
        """);
  }

  @Test
  void everyEventIsRenderedByEveryBuildpackLayout() {
    List<BiFunction<PrintWriter, PrintWriter, DeployLog>> layouts = List.of(HerokuClassicLog::new, CnbLog::new);
    for (BiFunction<PrintWriter, PrintWriter, DeployLog> layout : layouts) {
      for (Method event : DeployLog.class.getMethods()) {
        StringWriter both = new StringWriter();
        PrintWriter writer = new PrintWriter(both);
        DeployLog log = layout.apply(writer, writer);
        EventSamples.call(log, event);
        assertThat(both.toString()).as(log.getClass().getSimpleName() + "." + event.getName())
            .endsWith("\n").hasSizeGreaterThan(8);
      }
    }
  }
}
