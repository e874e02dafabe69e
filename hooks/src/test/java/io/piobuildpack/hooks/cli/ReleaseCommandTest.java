package io.piobuildpack.hooks.cli;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.app.RecordingPio;
import io.piobuildpack.testsupport.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * release, train and web through the real CLI with a recording stand-in for PredictionIO's {@code pio} on PATH:
 * the original buildpack's release/train/web cases (test/bin-engine-*_test.sh) where the behaviour is kept.
 */
class ReleaseCommandTest {

  @TempDir
  Path appDir;

  @TempDir
  Path binDir;

  private AppFixture app;
  private PioDataRunner cli;
  private RecordingPio pio;

  @BeforeEach
  void setUp() throws IOException {
    app = AppFixture.in(appDir);
    app.write("engine.json", "{}");
    pio = RecordingPio.create(binDir);
    cli = new PioDataRunner(appDir)
        .databaseUrl("jdbc:sqlite:" + appDir.resolve("store.db"))
        .env("PATH", pio.path())
        .env("PIO_EVENTSERVER_APP_NAME", "release-app")
        .env("PIO_EVENTSERVER_ACCESS_KEY", "release-key")
        .env("PIO_CONTAINER_MEMORY_MB", "1024");
  }

  private List<String> pioCalls() throws IOException {
    return pio.calls();
  }

  @Test
  void releaseLoadsDataThenTrains() throws IOException {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.run("release");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Imported 2 events").contains("Running train on release…").contains("pio-ran");
    assertThat(pioCalls()).containsExactly("train -- --driver-memory 768m");
  }

  @Test
  void releaseWithTrainingDisabledSkipsDataAndTraining() throws IOException {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.env("PIO_TRAIN_ON_RELEASE", "false").run("release");

    assertThat(result).succeeded();
    assertThat(result.out()).isEqualTo("Skipping train on release.\n");
    assertThat(pioCalls()).isEmpty();
    assertThat(app.exists("store.db")).isFalse();
  }

  @Test
  void releaseWithLoadDataOnlyLoadsWithoutTraining() throws IOException {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.env("PIO_TRAIN_ON_RELEASE", "false").env("PIO_LOAD_DATA_ON_RELEASE", "true")
        .run("release");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Imported 2 events").contains("data loaded");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseOfAnEventServerAppLoadsDataButNeverTrains() throws IOException {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.env("PIO_RUN_AS_EVENTSERVER", "true").run("release");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Imported 2 events").contains("nothing to train");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseOfAnAppWithoutEngineJsonLoadsDataButNeverTrains() throws IOException {
    Files.delete(appDir.resolve("engine.json"));
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.run("release");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Imported 2 events").contains("(no engine.json)").contains("nothing to train");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseWhenLoadDataSaysRetryLaterSucceedsWithoutTraining() throws IOException {
    app.write("data/initial-events.json", UserEvents.lines(1, 2));

    CommandResult result = cli.unset("PIO_EVENTSERVER_APP_NAME").run("release");

    assertThat(result).succeeded();
    assertThat(result.err()).isEqualTo("Transient error loading data. Skipping train on release.\n");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseWhenLoadDataFailsFailsWithItsCode() throws IOException {
    app.script("data/create-initial-events", "exit 7\n");

    CommandResult result = cli.run("release");

    assertThat(result).exitedWith(7);
    assertThat(result.err()).isEqualTo("Error loading data.\n");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releasePropagatesTheTrainExitCode() {
    CommandResult result = cli.env("PIO_STANDIN_EXIT", "138").run("release");

    assertThat(result).exitedWith(138);
  }

  @Test
  void trainPassesOptionsAsWordsWithoutEvaluating() throws IOException {
    CommandResult result = cli.env("PIO_OPTS", "--variant 'best engine.json'")
        .env("PIO_TRAIN_SPARK_OPTS", "--master spark://localhost --conf \"a=$(id)\"").run("train");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Spark driver memory default: 768m (from PIO_CONTAINER_MEMORY_MB)");
    assertThat(pioCalls()).containsExactly(
        "train --variant best engine.json -- --driver-memory 768m --master spark://localhost --conf a=$(id)");
  }

  @Test
  void trainOnTooSmallAContainerFailsEarlyWithDynoAdvice() throws IOException {
    CommandResult result = cli.env("PIO_CONTAINER_MEMORY_MB", "512").run("train");

    assertThat(result).exitedWith(1);
    assertThat(result.err()).contains("Standard-2X");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void webDeploysOnPortWithFeedbackAndHidesTheKeyInTheLog() throws IOException {
    CommandResult result = cli.env("PORT", "853211").env("PIO_ENABLE_FEEDBACK", "true")
        .env("PIO_EVENTSERVER_HOSTNAME", "example.herokuapp.com").run("web");

    assertThat(result).succeeded();
    assertThat(pioCalls()).containsExactly("deploy --port 853211 --feedback --event-server-ip example.herokuapp.com"
        + " --event-server-port 443 --accesskey release-key -- --driver-memory 768m");
    assertThat(result.out()).doesNotContain("release-key").contains("--accesskey ****");
  }

  @Test
  void webWithoutPortFailsLikeTheOriginal() throws IOException {
    CommandResult result = cli.run("web");

    assertThat(result).exitedWith(1);
    assertThat(result.err()).contains("requires environment variable PORT");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void webWithFeedbackButNoHostnameNamesOnlyTheMissingVariable() throws IOException {
    CommandResult result = cli.env("PORT", "5000").env("PIO_ENABLE_FEEDBACK", "true").run("web");

    assertThat(result).exitedWith(1);
    assertThat(result.err()).contains("missing required config: PIO_EVENTSERVER_HOSTNAME=(missing)")
        .doesNotContain("release-key");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void trainWithoutPioInstalledSaysWhereItShouldBe() {
    CommandResult result = cli.env("PATH", "/nonexistent").run("train");

    assertThat(result).exitedWith(4);
    assertThat(result.err()).contains("PredictionIO's pio was not found");
  }
}
