package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Heroku's bin/detect (the source script, run with dash): which apps it claims, and its one-line refusal. */
class DetectTest {

  static final Path DETECT = Path.of("src/main/buildpack/bin/detect").toAbsolutePath();

  @TempDir Path app;

  private static CommandResult detect(String buildDir) throws InterruptedException {
    return ChildProcess.of("dash", DETECT.toString(), buildDir).clearEnvironment().env("PATH", "/usr/bin:/bin").run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"engine.json", "template.json", "data/initial-events.json", "data/create-initial-events",
      "data/create-sync-events"})
  void passesForAnAppWith(String file) throws Exception {
    Files.createDirectories(app.resolve(file).getParent());
    Files.writeString(app.resolve(file), "{}\n");

    CommandResult run = detect(app.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("PredictionIO\n");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"web: bin/heroku-buildpack-pio-web", "web: bin/pio-data eventserver",
      "web: pio eventserver --port ${PORT}"})
  void passesForAProcfileRunningTheEventServerOrALauncher(String line) throws Exception {
    Files.writeString(app.resolve("Procfile"), line + "\n");

    assertThat(detect(app.toString()).exitCode()).isZero();
  }

  @Test
  void passesForAnAppJsonSettingTheEventServerFlag() throws Exception {
    Files.writeString(app.resolve("app.json"), "{\"env\": {\"PIO_RUN_AS_EVENTSERVER\": {\"value\": \"true\"}}}\n");

    assertThat(detect(app.toString()).exitCode()).isZero();
  }

  @Test
  void neverPassesForAnEmptyDirectory() throws Exception {
    CommandResult run = detect(app.toString());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.NOT_DETECTED.code());
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("pio-buildpack: no PredictionIO app here: found none of engine.json")
        .hasLineCount(1);
  }

  @Test
  void failsForAnotherKindOfApp() throws Exception {
    Files.writeString(app.resolve("package.json"), "{}\n");
    Files.writeString(app.resolve("Procfile"), "web: node server.js\n");

    assertThat(detect(app.toString()).exitCode()).isEqualTo(HerokuExitCode.NOT_DETECTED.code());
  }

  @Test
  void aMissingBuildDirIsAUsageError() throws Exception {
    CommandResult run = detect(app.resolve("missing").toString());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.USAGE.code());
    assertThat(run.err()).contains("BUILD_DIR");
  }
}
