package io.piobuildpack.hooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.cli.CliRun;
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
  private Path calls;

  @BeforeEach
  void setUp() throws IOException {
    app = new AppFixture(appDir);
    calls = binDir.resolve("calls");
    new AppFixture(binDir).script("pio", "printf '%s\\n' \"$*\" >> " + calls + "\necho pio-ran\n"
        + "exit ${PIO_STANDIN_EXIT:-0}\n");
    cli = new PioDataRunner(appDir)
        .databaseUrl("jdbc:sqlite:" + appDir.resolve("store.db"))
        .env("PATH", binDir + ":" + System.getenv("PATH"))
        .env("PIO_EVENTSERVER_APP_NAME", "release-app")
        .env("PIO_EVENTSERVER_ACCESS_KEY", "release-key")
        .env("PIO_CONTAINER_MEMORY_MB", "1024");
  }

  private List<String> pioCalls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  @Test
  void releaseLoadsDataThenTrains() throws IOException {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 2));

    CliRun result = cli.run("release");

    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.out()).contains("Imported 2 events").contains("Running train on release…").contains("pio-ran");
    assertThat(pioCalls()).containsExactly("train -- --driver-memory 768m");
  }

  @Test
  void releaseWithTrainingDisabledSkipsDataAndTraining() throws IOException {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 2));

    CliRun result = cli.env("PIO_TRAIN_ON_RELEASE", "false").run("release");

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("Skipping train on release.\n");
    assertThat(pioCalls()).isEmpty();
    assertThat(app.exists("store.db")).isFalse();
  }

  @Test
  void releaseWithLoadDataOnlyLoadsWithoutTraining() throws IOException {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 2));

    CliRun result = cli.env("PIO_TRAIN_ON_RELEASE", "false").env("PIO_LOAD_DATA_ON_RELEASE", "true")
        .run("release");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Imported 2 events").contains("data loaded");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseOfAnEventServerAppLoadsDataButNeverTrains() throws IOException {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 2));

    CliRun result = cli.env("PIO_RUN_AS_EVENTSERVER", "true").run("release");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Imported 2 events").contains("nothing to train");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseWhenLoadDataSaysRetryLaterSucceedsWithoutTraining() throws IOException {
    app.write("data/initial-events.json", AppFixture.userEvents(1, 2));

    CliRun result = cli.unset("PIO_EVENTSERVER_APP_NAME").run("release");

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEqualTo("Transient error loading data. Skipping train on release.\n");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseWhenLoadDataFailsFailsWithItsCode() throws IOException {
    app.script("data/create-initial-events", "exit 7\n");

    CliRun result = cli.run("release");

    assertThat(result.code()).isEqualTo(7);
    assertThat(result.err()).isEqualTo("Error loading data.\n");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releasePropagatesTheTrainExitCode() {
    CliRun result = cli.env("PIO_STANDIN_EXIT", "138").run("release");

    assertThat(result.code()).isEqualTo(138);
  }

  @Test
  void trainPassesOptionsAsWordsWithoutEvaluating() throws IOException {
    CliRun result = cli.env("PIO_OPTS", "--variant 'best engine.json'")
        .env("PIO_TRAIN_SPARK_OPTS", "--master spark://localhost --conf \"a=$(id)\"").run("train");

    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.out()).contains("Spark driver memory default: 768m (from PIO_CONTAINER_MEMORY_MB)");
    assertThat(pioCalls()).containsExactly(
        "train --variant best engine.json -- --driver-memory 768m --master spark://localhost --conf a=$(id)");
  }

  @Test
  void trainOnTooSmallAContainerFailsEarlyWithDynoAdvice() throws IOException {
    CliRun result = cli.env("PIO_CONTAINER_MEMORY_MB", "512").run("train");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("Standard-2X");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void webDeploysOnPortWithFeedbackAndHidesTheKeyInTheLog() throws IOException {
    CliRun result = cli.env("PORT", "853211").env("PIO_ENABLE_FEEDBACK", "true")
        .env("PIO_EVENTSERVER_HOSTNAME", "example.herokuapp.com").run("web");

    assertThat(result.code()).as(result.output()).isZero();
    assertThat(pioCalls()).containsExactly("deploy --port 853211 --feedback --event-server-ip example.herokuapp.com"
        + " --event-server-port 443 --accesskey release-key -- --driver-memory 768m");
    assertThat(result.out()).doesNotContain("release-key").contains("--accesskey ****");
  }

  @Test
  void webWithoutPortFailsLikeTheOriginal() throws IOException {
    CliRun result = cli.run("web");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("requires environment variable PORT");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void webWithFeedbackButNoHostnameNamesOnlyTheMissingVariable() throws IOException {
    CliRun result = cli.env("PORT", "5000").env("PIO_ENABLE_FEEDBACK", "true").run("web");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("missing required config: PIO_EVENTSERVER_HOSTNAME=(missing)")
        .doesNotContain("release-key");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void trainWithoutPioInstalledSaysWhereItShouldBe() {
    CliRun result = cli.env("PATH", "/nonexistent").run("train");

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err()).contains("PredictionIO's pio was not found");
  }
}
