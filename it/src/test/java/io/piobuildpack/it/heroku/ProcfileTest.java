package io.piobuildpack.it.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.it.process.PhaseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcfileTest {

  @TempDir Path temp;

  @Test
  void theAppsProcfileWinsOverTheBuildpacksDefaultProcessTypes() throws Exception {
    Files.writeString(temp.resolve("Procfile"), "web: bin/custom-web --port $PORT\n\n# comment\nworker:  bin/w  \n");

    Procfile procfile = Procfile.of(temp, Map.of("web", "bin/default-web", "release", "bin/release"));

    assertThat(procfile.command("web")).contains("bin/custom-web --port $PORT");
    assertThat(procfile.command("worker")).contains("bin/w");
    assertThat(procfile.command("release")).contains("bin/release");
    assertThat(procfile.command("clock")).isEmpty();
  }

  @Test
  void withoutAProcfileTheDefaultsApply() {
    assertThat(Procfile.of(temp, Map.of("web", "bin/web")).types()).containsExactly(Map.entry("web", "bin/web"));
  }

  @Test
  void defaultProcessTypesAreReadFromBinReleasesYaml() {
    PhaseResult release = new PhaseResult("bin/release", List.of("bin/release"), 0, """
        ---
        addons: []
        default_process_types:
          web: bin/heroku-buildpack-pio-web
          release: bin/heroku-buildpack-pio-release
        """, "", Duration.ZERO);

    assertThat(HerokuBuildpack.defaultProcessTypes(release)).containsExactly(
        Map.entry("web", "bin/heroku-buildpack-pio-web"), Map.entry("release", "bin/heroku-buildpack-pio-release"));
  }

  @Test
  void theEnvDirHoldsOneFilePerConfigVarWithNoNewlineAdded() throws Exception {
    Path env = HerokuBuildpack.writeEnvDir(temp.resolve("env"), Map.of("DATABASE_URL", "postgres://x", "A", ""));

    assertThat(env.resolve("DATABASE_URL")).hasContent("postgres://x");
    assertThat(Files.size(env.resolve("DATABASE_URL"))).isEqualTo("postgres://x".length());
    assertThat(Files.size(env.resolve("A"))).isZero();
  }
}
