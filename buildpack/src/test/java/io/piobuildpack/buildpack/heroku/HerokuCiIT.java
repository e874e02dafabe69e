package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.heroku.BuildpackFixture.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heroku CI's Testpack API: the packaged bin/test-compile then bin/test, with dash. */
class HerokuCiIT {

  @TempDir Path temp;

  @Test
  void testCompilePreparesTheEngineWithSbtAndTestRunsSbtTestReturningItsStatus() throws Exception {
    try (BuildpackFixture fixture = new BuildpackFixture(temp)) {
      Path app = fixture.engineApp("ci", "0.14.0");
      Path envDir = fixture.envDir("ci", Map.of());
      Map<String, String> env = fixture.baseEnvironment();

      Run compile = fixture.run("test-compile", env, app.toString(), fixture.cache.toString(), envDir.toString());

      assertThat(compile.exit()).as(compile.all()).isZero();
      assertThat(compile.stdout()).contains("-----> Building the engine: sbt test:compile");
      assertThat(Files.readAllLines(fixture.record.resolve("sbt.args"))).containsExactly("test:compile");
      assertThat(fixture.record.resolve("pio.args")).doesNotExist();

      Run passed = fixture.run("test", env, app.toString(), envDir.toString());
      assertThat(passed.exit()).as(passed.all()).isZero();
      assertThat(passed.stdout()).contains("-----> Running the engine's tests: sbt test");
      assertThat(Files.readAllLines(fixture.record.resolve("sbt.args"))).containsExactly("test:compile", "test");

      env.put("PIO_IT_SBT_EXIT", "3");
      Run failed = fixture.run("test", env, app.toString(), envDir.toString());
      assertThat(failed.exit()).isEqualTo(3);
    }
  }

  @Test
  void testOfAnEventServerAppRunsTheServersSelfTest() throws Exception {
    try (BuildpackFixture fixture = new BuildpackFixture(temp)) {
      Path app = fixture.eventServerApp("ci-events");
      Path envDir = fixture.envDir("ci-events", Map.of());
      Map<String, String> env = fixture.baseEnvironment();
      assertThat(fixture.run("test-compile", env, app.toString(), fixture.cache.toString(), envDir.toString())
          .exit()).isZero();

      Run run = fixture.run("test", env, app.toString(), envDir.toString());

      assertThat(run.exit()).as(run.all()).isZero();
      assertThat(run.stdout()).contains("-----> Running the event server's self-test");
    }
  }
}
