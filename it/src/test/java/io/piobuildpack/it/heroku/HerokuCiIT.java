package io.piobuildpack.it.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.it.artifacts.PioRecording;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.process.PhaseResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heroku CI's Testpack API: the packaged bin/test-compile then bin/test, with dash. */
class HerokuCiIT {

  @TempDir Path temp;

  @Test
  void testCompilePreparesTheEngineWithSbtAndTestRunsSbtTestReturningItsStatus() throws Exception {
    try (HerokuFixture fixture = new HerokuFixture(temp)) {
      Path app = fixture.engineApp("ci", "0.14.0");
      Path envDir = fixture.envDir("ci", Map.of());
      Map<String, String> env = fixture.baseEnvironment();
      PioRecording recording = fixture.artifacts.recording();

      PhaseResult compile = fixture.buildpack.testCompile(app, fixture.cache, envDir, env);

      assertThat(compile.exitCode()).as(compile.output()).isZero();
      assertThat(compile.stdout()).contains("-----> Building the engine: sbt test:compile");
      assertThat(recording.sbtCalls()).containsExactly("test:compile");
      assertThat(recording.calls()).isEmpty();

      PhaseResult passed = fixture.buildpack.test(app, envDir, env);
      assertThat(passed.exitCode()).as(passed.output()).isZero();
      assertThat(passed.stdout()).contains("-----> Running the engine's tests: sbt test");
      assertThat(recording.sbtCalls()).containsExactly("test:compile", "test");

      env.put(StandInArtifacts.SBT_EXIT, "3");
      PhaseResult failed = fixture.buildpack.test(app, envDir, env);
      assertThat(failed.exitCode()).isEqualTo(3);
    }
  }

  @Test
  void testOfAnEventServerAppRunsTheServersSelfTest() throws Exception {
    try (HerokuFixture fixture = new HerokuFixture(temp)) {
      Path app = fixture.eventServerApp("ci-events");
      Path envDir = fixture.envDir("ci-events", Map.of());
      Map<String, String> env = fixture.baseEnvironment();
      assertThat(fixture.buildpack.testCompile(app, fixture.cache, envDir, env).exitCode()).isZero();

      PhaseResult run = fixture.buildpack.test(app, envDir, env);

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.stdout()).contains("-----> Running the event server's self-test");
    }
  }
}
