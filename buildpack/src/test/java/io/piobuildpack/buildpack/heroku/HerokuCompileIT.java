package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.piobuildpack.buildpack.heroku.BuildpackFixture.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged bin/compile and bin/release run with dash on generated apps, against the loopback artifact server. */
class HerokuCompileIT {

  @TempDir Path temp;
  private BuildpackFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new BuildpackFixture(temp);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static Map<String, String> none() {
    return Map.of();
  }

  @Test
  void engineAppGetsPredictionIoSparkJavaTheToolkitAndABuiltEngine() throws Exception {
    Path app = fixture.engineApp("engine", "0.14.0");
    Files.createDirectories(app.resolve("target/streams/old"));
    Path envDir = fixture.envDir("engine", Map.of("PIO_VERBOSE", "true"));

    Run run = fixture.compile(app, envDir, none());

    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.stdout()).contains("-----> PredictionIO engine app (engine.json)")
        .contains("-----> Installing PredictionIO 0.14.0, Spark 2.4.0-hadoop2.7 and Java 8")
        .contains("-----> Building the engine: pio build --verbose")
        .contains("       [INFO] [Console$] Your engine is ready for training.")
        .containsPattern("-----> Done in [0-9.]+ s: 5 installed, 0 unchanged; 5 downloaded, 0 from the build cache");
    assertThat(app.resolve("PredictionIO-dist/bin/pio")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop/bin/spark-submit")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/lib/postgresql_jdbc.jar")).hasContent("PK postgresql driver 42.7.8");
    assertThat(app.resolve("PredictionIO-dist/conf/pio-env.sh")).exists();
    assertThat(app.resolve(".jdk/bin/java")).isExecutable();
    assertThat(app.resolve(".pio-buildpack/jre/bin/java")).isExecutable();
    assertThat(app.resolve(".pio-buildpack/lib/pio-data.jar")).hasSameBinaryContentAs(
        BuildpackFixture.PACKAGED.resolve("lib/pio-data.jar"));
    for (String launcher : List.of("pio-data", "heroku-buildpack-pio-release", "heroku-buildpack-pio-load-data",
        "heroku-buildpack-pio-train", "heroku-buildpack-pio-web")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(app.resolve("bin/" + launcher))))
          .as(launcher).isEqualTo("rwxr-xr-x");
    }
    assertThat(app.resolve(".profile.d/pio-path.sh")).exists();
    assertThat(app.resolve(".profile.d/pio-runtime.sh")).exists();
    assertThat(app.resolve(".profile.d/pio-java.sh")).content().contains("JAVA_HOME=\"$HOME\"/'.jdk'");
    assertThat(app.resolve("Procfile")).hasContent("""
        web: bin/heroku-buildpack-pio-web
        train: bin/heroku-buildpack-pio-train
        release: bin/heroku-buildpack-pio-release""");
    assertThat(app.resolve("target/scala-2.11/engine-assembly-0.1-deps.jar")).exists();
    assertThat(app.resolve("target/streams")).doesNotExist();
    assertThat(Files.readString(fixture.record.resolve("pio.args"))).isEqualTo("build --verbose\n");
    assertThat(Files.readString(fixture.record.resolve("pio.env")))
        .contains("JAVA_HOME=" + app.resolve(".jdk"))
        .contains("PWD=" + app)
        .contains("SBT_OPTS=-Dsbt.global.base=" + fixture.cache.resolve("pio-buildpack/sbt/global"));
    assertThat(fixture.buildpack.resolve("export")).content()
        .contains("export JAVA_HOME='" + app.resolve(".jdk") + "'")
        .contains("export PATH='" + app.resolve(".jdk/bin") + "'\"${PATH:+:$PATH}\"")
        .contains("export PATH='" + app.resolve("PredictionIO-dist/bin") + "'");

    Run release = fixture.run("release", fixture.baseEnvironment(), app.toString());
    assertThat(release.exit()).isZero();
    assertThat(release.stdout()).startsWith("---\n");
    JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(release.stdout());
    assertThat(yaml.get("default_process_types").get("web").asText()).isEqualTo("bin/heroku-buildpack-pio-web");
    assertThat(yaml.get("default_process_types").get("train").asText()).isEqualTo("bin/heroku-buildpack-pio-train");
    assertThat(yaml.get("default_process_types").get("release").asText())
        .isEqualTo("bin/heroku-buildpack-pio-release");
  }

  @Test
  void eventServerAppGetsOnlyTheToolkitAndItsLaunchersRun() throws Exception {
    Path app = fixture.eventServerApp("events");

    Run run = fixture.compile(app, fixture.envDir("events", Map.of()), none());

    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.stdout()).contains("-----> PredictionIO event server app (no engine.json)")
        .contains("       Installing only the toolkit: this project's event server and data hooks need neither "
            + "PredictionIO, Spark nor Java 8.");
    assertThat(app.resolve("PredictionIO-dist")).doesNotExist();
    assertThat(app.resolve(".jdk")).doesNotExist();
    assertThat(app.resolve(".profile.d/pio-java.sh")).doesNotExist();
    assertThat(app.resolve("Procfile")).hasContent("""
        web: bin/pio-data eventserver
        release: bin/heroku-buildpack-pio-release""");
    assertThat(fixture.record.resolve("pio.args")).doesNotExist();

    Map<String, String> dyno = new HashMap<>();
    dyno.put("PATH", "/usr/bin:/bin");
    dyno.put("HOME", app.toString());
    dyno.put("PIO_EVENTSERVER_APP_NAME", "events");
    dyno.put("PIO_EVENTSERVER_ACCESS_KEY", "k3yForTheIntegrationTest0123456789abcdefghijklmnopqrs");
    Run version = BuildpackFixture.exec(dyno, List.of("bin/pio-data", "--version"), app);
    assertThat(version.exit()).as(version.all()).isZero();
    assertThat(version.stdout()).contains("pio-data");
    Run load = BuildpackFixture.exec(dyno, List.of("bin/heroku-buildpack-pio-load-data"), app);
    assertThat(load.exit()).as(load.all()).isZero();
    assertThat(app.resolve(".pio_store/pio.db")).isNotEmptyFile();

    Run release = fixture.run("release", fixture.baseEnvironment(), app.toString());
    JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(release.stdout());
    assertThat(yaml.get("default_process_types").get("web").asText()).isEqualTo("bin/pio-data eventserver");
  }
}
