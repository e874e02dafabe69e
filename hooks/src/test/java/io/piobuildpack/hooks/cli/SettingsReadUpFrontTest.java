package io.piobuildpack.hooks.cli;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.app.RecordingPio;
import io.piobuildpack.testsupport.process.CommandResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings are read once and checked before any work starts: an unusable value fails the command with exit 1,
 * naming the variable, before the store is opened or {@code pio} runs.
 */
class SettingsReadUpFrontTest {

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
    app.write("data/initial-events.json", UserEvents.lines(1, 2));
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
  void releaseWithAFlagThatIsNeitherTrueNorFalseFailsBeforeLoadingData() throws IOException {
    CommandResult result = cli.env("PIO_TRAIN_ON_RELEASE", "no").run("release");

    assertThat(result).exitedWith(1);
    assertThat(result.err()).contains("PIO_TRAIN_ON_RELEASE must be true or false, not 'no'");
    assertThat(app.exists("store.db")).isFalse();
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseWithTrainOptionsThatCannotBeSplitFailsBeforeLoadingData() throws IOException {
    CommandResult result = cli.env("PIO_OPTS", "--variant 'best.json").run("release");

    assertThat(result).exitedWith(1);
    assertThat(result.err()).contains("ERROR: PIO_OPTS cannot be split into words: unterminated single quote");
    assertThat(app.exists("store.db")).isFalse();
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void releaseWithAnUnusableMemoryOverrideFailsBeforeLoadingData() throws IOException {
    CommandResult result = cli.env("PIO_CONTAINER_MEMORY_MB", "lots").run("release");

    assertThat(result).exitedWith(1);
    assertThat(result.err()).contains("PIO_CONTAINER_MEMORY_MB must be a number of MiB, not 'lots'");
    assertThat(app.exists("store.db")).isFalse();
  }

  @Test
  void releaseThatDoesNotTrainDoesNotCheckTheTrainOptions() throws IOException {
    CommandResult result = cli.env("PIO_TRAIN_ON_RELEASE", "false").env("PIO_LOAD_DATA_ON_RELEASE", "true")
        .env("PIO_OPTS", "'broken").run("release");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Imported 2 events").contains("data loaded");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void flagsAreReadTheSameWayEverywhereTrimmedAndInAnyLetterCase() throws IOException {
    CommandResult result = cli.env("PIO_RUN_AS_EVENTSERVER", " TRUE ").run("release");

    assertThat(result).succeeded();
    assertThat(result.out()).contains("Imported 2 events").contains("nothing to train");
    assertThat(pioCalls()).isEmpty();
  }

  @Test
  void loadDataWithAnInvalidPurgeFlagFailsBeforeOpeningTheStore() {
    CommandResult result = cli.env("PIO_PURGE_ON_SYNC", "yes").run("load-data");

    assertThat(result).exitedWith(1);
    assertThat(result.out()).contains("PIO_PURGE_ON_SYNC must be true or false, not 'yes'");
    assertThat(app.exists("store.db")).isFalse();
  }

  @Test
  void webWithAnInvalidFeedbackFlagFailsNamingItBeforePioRuns() throws IOException {
    CommandResult result = cli.env("PORT", "5000").env("PIO_ENABLE_FEEDBACK", "on").run("web");

    assertThat(result).exitedWith(1);
    assertThat(result.err()).contains("PIO_ENABLE_FEEDBACK must be true or false, not 'on'");
    assertThat(pioCalls()).isEmpty();
  }
}
