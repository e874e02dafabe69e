package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.install.common.Toolkit;
import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball Heroku (a buildpack URL) and pack download: unpacked into an empty directory it must be the buildpack
 * itself (bin/ at the top, no top-level folder), scripts executable, the jar beside them; and it must work from there.
 */
class PackagingIT {

  @TempDir Path temp;

  @Test
  void tarballUnpacksToTheBuildpackItselfWithExecutableScripts() throws Exception {
    Path tgz = Path.of("target", "pio-buildpack-" + Toolkit.version() + ".tgz").toAbsolutePath();
    assertThat(tgz).isRegularFile();
    Path dir = Files.createDirectories(temp.resolve("unpacked"));

    CommandResult untar = ChildProcess.of("tar", "-xzf", tgz.toString(), "-C", dir.toString()).clearEnvironment()
        .env("PATH", "/usr/bin:/bin").run();

    assertThat(untar.exitCode()).as(untar.output()).isZero();
    try (var top = Files.list(dir)) {
      assertThat(top.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("bin", "buildpack.toml",
          "lib");
    }
    for (String script : List.of("detect", "compile", "release", "test-compile", "test", "support/toolkit-java",
        "support/run-phase", "build", "support/cnb-detect")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bin").resolve(script))))
          .as(script).isEqualTo("rwxr-xr-x");
    }
    assertThat(dir.resolve("lib/pio-data.jar")).hasSameBinaryContentAs(Path.of("target/buildpack")
        .resolve("lib/pio-data.jar"));
    assertThat(dir.resolve("bin/support/jre.tsv")).hasSameTextualContentAs(
        Path.of("src/main/buildpack/bin/support/jre.tsv"));

    assertThat(Files.readString(dir.resolve("buildpack.toml"))).contains("api = \"0.10\"",
        "id = \"piobuildpack/predictionio\"", "version = \"" + Toolkit.version().replaceAll("-.*", "") + "\"");

    Path app = Files.createDirectories(temp.resolve("app"));
    Files.writeString(app.resolve("engine.json"), "{}\n");
    CommandResult detect = ChildProcess.of("dash", dir.resolve("bin/detect").toString(), app.toString())
        .clearEnvironment().env("PATH", "/usr/bin:/bin").run();
    assertThat(detect.out()).isEqualTo("PredictionIO\n");
  }
}
