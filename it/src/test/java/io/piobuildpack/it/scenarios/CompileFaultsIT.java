package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.heroku.HerokuExitCode;
import io.piobuildpack.buildpack.install.download.DownloadCache;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.heroku.HerokuDeployer;
import io.piobuildpack.it.heroku.HerokuDeployer.StartedCompile;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.http.Fault;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 9: faults while {@code bin/compile} installs PredictionIO. A download that does not match its checksum
 * and one cut short fail the build with the exit code and message of docs/heroku.md ({@link HerokuExitCode}) and
 * leave neither a partial {@code PredictionIO-dist} in the build nor a bad file in the cache; a compile killed in
 * the middle of the download leaves nothing that stops the next build from succeeding.
 */
class CompileFaultsIT {

  private static final String PREDICTIONIO = StandInArtifacts.PREDICTIONIO_0_14_0;

  @TempDir Path temp;

  @Test
  void aChecksumMismatchFailsCompileWithExitCode21AndLeavesNoPartialDistributionNorCachedFile() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      AppFixture app = scenario.engineApp("mismatch", EngineEvents.rates("initial", 1, 3));
      HerokuDeployer heroku = scenario.heroku("mismatch");
      byte[] wrong = scenario.artifacts.bytes(StandInArtifacts.PREDICTIONIO_0_12_0_INCUBATING);
      scenario.artifacts.fault(PREDICTIONIO, Fault.wrongBytes(wrong));

      Deployment deployment = heroku.deploy(new AppSource(app.dir()), Scenario.configVars(scenario.database(),
          "mismatch"));

      PhaseResult compile = deployment.require("bin/compile");
      assertThat(compile.exitCode()).as("%s", compile).isEqualTo(HerokuExitCode.CHECKSUM_MISMATCH.code());
      assertThat(compile.stderr().lines()).as("%s", compile).contains(" !     Error: Checksum mismatch for "
          + "predictionio 0.14.0 from " + scenario.artifacts.uri(PREDICTIONIO) + ": expected "
          + scenario.artifacts.checksum(PREDICTIONIO) + ", got "
          + scenario.artifacts.checksum(StandInArtifacts.PREDICTIONIO_0_12_0_INCUBATING)
          + "; the download was deleted.");
      assertThat(deployment.phase("bin/release")).isEmpty();
      assertNoPartialDistribution(deployment.appDir());
      assertThat(filesUnder(heroku.cacheDir())).as("the cache").noneMatch(f -> f.contains("predictionio"));
    }
  }

  @Test
  void aTruncatedDownloadFailsCompileWithExitCode20AfterItsRetriesAndLeavesNoPartialDistribution() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      AppFixture app = scenario.engineApp("truncated", EngineEvents.rates("initial", 1, 3));
      HerokuDeployer heroku = scenario.heroku("truncated");
      scenario.artifacts.fault(PREDICTIONIO, Fault.truncate(100));
      Map<String, String> vars = Scenario.configVars(scenario.database(), "truncated");
      vars.put("PIO_DOWNLOAD_ATTEMPTS", "2");

      Deployment deployment = heroku.deploy(new AppSource(app.dir()), vars);

      PhaseResult compile = deployment.require("bin/compile");
      assertThat(compile.exitCode()).as("%s", compile).isEqualTo(HerokuExitCode.DOWNLOAD_FAILED.code());
      assertThat(compile.stderr().lines()).as("%s", compile).contains(" !     Error: Download of "
          + scenario.artifacts.uri(PREDICTIONIO) + " failed after 2 attempts: the connection closed after 100 of "
          + scenario.artifacts.bytes(PREDICTIONIO).length + " bytes.");
      assertThat(scenario.artifacts.requestCount(PREDICTIONIO)).isEqualTo(2);
      assertNoPartialDistribution(deployment.appDir());
      assertThat(filesUnder(heroku.cacheDir())).as("the cache").noneMatch(f -> f.contains("predictionio"));
    }
  }

  @Test
  void aCompileKilledWhileDownloadingPredictionIoLeavesNothingThatStopsTheNextDeploy() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      AppFixture app = scenario.engineApp("killed", EngineEvents.rates("initial", 1, 4));
      HerokuDeployer heroku = scenario.heroku("killed");
      TestDatabase database = scenario.database();
      Map<String, String> vars = Scenario.configVars(database, "killed");
      scenario.artifacts.fault(PREDICTIONIO, Fault.stall(1000));

      Path killedBuild;
      try (StartedCompile compile = heroku.startCompile(new AppSource(app.dir()), vars)) {
        awaitUntil(() -> partialDownloads(heroku.cacheDir()).size() > 0 || !compile.process().isAlive(),
            Duration.ofSeconds(60));
        assertThat(compile.process().isAlive()).as(compile.process().log()).isTrue();
        compile.process().kill();
        assertThat(compile.process().isAlive()).isFalse();
        killedBuild = compile.buildDir();
      }
      assertThat(partialDownloads(heroku.cacheDir())).as("a part of the archive was written before the kill")
          .isNotEmpty();
      assertNoPartialDistribution(killedBuild);
      scenario.artifacts.clearFault(PREDICTIONIO);
      // the killed build's partial archive, aged past the point where no live download can still own it
      List<String> parts = partialDownloads(heroku.cacheDir());
      Path downloads = heroku.cacheDir().resolve("pio-buildpack/downloads");
      for (String part : parts) {
        Files.setLastModifiedTime(downloads.resolve(part),
            FileTime.from(Instant.now().minus(DownloadCache.ABANDONED_AFTER).minusSeconds(60)));
      }

      Deployment deployment = heroku.deploy(new AppSource(app.dir()), vars);

      assertThat(deployment.succeeded()).as("%s", deployment.phases()).isTrue();
      String hex = scenario.artifacts.checksum(PREDICTIONIO).substring("sha256:".length());
      assertThat(heroku.cacheDir().resolve("pio-buildpack/downloads/sha256-" + hex + "/" + PREDICTIONIO))
          .hasSameBinaryContentAs(scenario.artifacts.root().resolve("dist").resolve(PREDICTIONIO));
      assertThat(partialDownloads(heroku.cacheDir())).as("the killed build's partial archive is gone")
          .containsExactly("sha256-" + hex + "/" + PREDICTIONIO);
      assertThat(deployment.appDir().resolve("PredictionIO-dist/bin/pio")).isExecutable();
      assertThat(StoredEvents.data(database, "killed")).extracting(e -> e.eventIdOpt().orElseThrow())
          .containsExactlyInAnyOrderElementsOf(EngineEvents.ids("initial", 1, 4));
    }
  }

  /** No {@code PredictionIO-dist} nor a temporary install directory or archive of it in the build directory. */
  private static void assertNoPartialDistribution(Path buildDir) {
    assertThat(buildDir.resolve("PredictionIO-dist")).doesNotExist();
    assertThat(filesUnder(buildDir)).as("files of " + buildDir)
        .noneMatch(f -> f.contains("PredictionIO-dist") || f.contains(".tmp") || f.contains("predictionio"));
  }

  /** The files of the download cache that hold (part of) the PredictionIO archive, with at least one byte. */
  private static List<String> partialDownloads(Path cacheDir) {
    Path downloads = cacheDir.resolve("pio-buildpack/downloads");
    return filesUnder(downloads).stream().filter(f -> f.contains(PREDICTIONIO))
        .filter(f -> sizeOf(downloads.resolve(f)) > 0).toList();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0; // renamed or deleted meanwhile
    }
  }

  /** Every path under {@code root} (files and directories), relative to it; empty when it does not exist. */
  private static List<String> filesUnder(Path root) {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.map(p -> root.relativize(p).toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void awaitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited %s", limit).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
