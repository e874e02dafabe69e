package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.BuildpackMain;
import io.piobuildpack.core.config.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildpackMainTest {

  @TempDir Path temp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return BuildpackMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Environment.of(Map.of()));
  }

  @Test
  void unknownPhaseIsAUsageError() {
    assertThat(run("heroku-nothing", temp.toString())).isEqualTo(HerokuExitCode.USAGE.code());
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown phase heroku-nothing");
  }

  @Test
  void compileWithTheWrongNumberOfArgumentsIsAUsageError() {
    assertThat(run("heroku-compile", temp.toString(), temp.toString())).isEqualTo(HerokuExitCode.USAGE.code());
  }

  @Test
  void compileOfAMissingBuildDirFailsNamingIt() throws Exception {
    Path env = Files.createDirectories(temp.resolve("env"));

    int code = run("heroku-compile", temp.toString(), temp.resolve("missing").toString(), temp.toString(),
        env.toString());

    assertThat(code).isEqualTo(HerokuExitCode.USAGE.code());
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("BUILD_DIR " + temp.resolve("missing"));
  }

  @Test
  void releaseBeforeCompilePrintsAnEmptyMapping() {
    assertThat(run("heroku-release", temp.toString(), temp.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("--- {}\n");
  }
}
