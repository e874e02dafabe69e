package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.heroku.BuildpackFixture.Run;
import io.piobuildpack.testsupport.app.RealEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detect and compile on the real files of public Heroku engines (template.json, engine.json, app.json,
 * data/initial-events.json), read from {@code PIO_IT_ENGINES_DIR} (default {@code ../shared/fixtures/engines} from
 * the repository root) and copied into a temporary app, never into this repository. They ask for
 * 0.12.0-incubating, which installs only from PREDICTIONIO_DIST_URL.
 */
class RealEnginesIT {

  @TempDir Path temp;

  private static Path copy(Path engine, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(engine)) {
      for (Path p : paths.toList()) {
        Path to = target.resolve(engine.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  @Test
  void eachRealEngineIsDetectedAndCompilesFromItsDistributionUrl() throws Exception {
    try (BuildpackFixture fixture = new BuildpackFixture(temp)) {
      for (Path engine : RealEngines.directories()) {
        String name = engine.getFileName().toString();
        Path app = copy(engine, temp.resolve("apps").resolve(name));

        Run detect = fixture.run("detect", fixture.baseEnvironment(), app.toString());
        assertThat(detect.exit()).as(name + ": " + detect.all()).isZero();
        assertThat(detect.stdout()).isEqualTo("PredictionIO\n");

        Run refused = fixture.compile(app, fixture.envDir(name + "-plain", Map.of()), Map.of());
        assertThat(refused.exit()).as(name + ": " + refused.all())
            .isEqualTo(HerokuExitCode.UNSUPPORTED_VERSION.code());
        assertThat(refused.stderr()).contains("0.12.0-incubating").contains("PREDICTIONIO_DIST_URL");

        String file = "apache-predictionio-0.12.0-incubating-bin.tar.gz";
        Run run = fixture.compile(app, fixture.envDir(name, Map.of(
            "PREDICTIONIO_DIST_URL", fixture.server.uri("/dist/" + file).toString(),
            "PREDICTIONIO_DIST_CHECKSUM", "sha256:" + BuildpackFixture.sha256(fixture.files.get(file)))), Map.of());
        assertThat(run.exit()).as(name + ": " + run.all()).isZero();
        assertThat(run.stdout()).contains("Installing PredictionIO 0.12.0-incubating, Spark 2.1.1");
        assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop/bin/spark-submit")).isExecutable();
        assertThat(app.resolve("Procfile")).content().contains("release: bin/heroku-buildpack-pio-release");
        assertThat(app.resolve("data/initial-events.json")).hasSameTextualContentAs(
            engine.resolve("data/initial-events.json"));
      }
    }
  }
}
