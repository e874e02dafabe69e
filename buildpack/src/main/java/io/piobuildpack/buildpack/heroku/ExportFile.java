package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.templates.escape.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code export} file in the buildpack's own directory, which the platform sources before the next
 * buildpack's compile (https://devcenter.heroku.com/articles/buildpack-api#composing-multiple-buildpacks): the Java
 * this build installed as {@code JAVA_HOME} and first on {@code PATH}, and PredictionIO's {@code bin} on
 * {@code PATH} when it was installed, with build-time absolute paths, as Heroku's JVM buildpack writes them. Always
 * written (some platforms complain when it is missing); every value is single-quoted for the shell.
 */
final class ExportFile {

  private ExportFile() {}

  /**
   * Writes {@code <buildpackDir>/export}.
   *
   * @param javaHome the Java to export (absolute, in the build directory), if any
   * @param pioBin PredictionIO's {@code bin} (absolute), if installed
   * @throws HerokuBuildException when the file cannot be written
   */
  static void write(Path buildpackDir, Optional<Path> javaHome, Optional<Path> pioBin) throws HerokuBuildException {
    StringBuilder text = new StringBuilder("# Written by pio-buildpack's bin/compile for the buildpacks after it.\n");
    if (javaHome.isPresent()) {
      text.append("export JAVA_HOME=").append(OutputFormat.SHELL.escape(javaHome.get().toString())).append('\n');
    }
    for (Path dir : List.of(pioBin, javaHome.map(j -> j.resolve("bin")))
        .stream().flatMap(Optional::stream).toList()) {
      text.append("export PATH=").append(OutputFormat.SHELL.escape(dir.toString())).append("\"${PATH:+:$PATH}\"\n");
    }
    Path file = buildpackDir.resolve("export");
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new HerokuBuildException(HerokuExitCode.FILE_SYSTEM, "Cannot write " + file
          + " (the buildpack directory must be writable by the build): " + e.getMessage(), e);
    }
  }
}
