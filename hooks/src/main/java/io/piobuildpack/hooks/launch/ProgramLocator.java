package io.piobuildpack.hooks.launch;

import io.piobuildpack.core.config.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds PredictionIO's {@code pio}: {@code $PIO_HOME/bin/pio} when PIO_HOME is set, else the first executable
 * {@code pio} on the PATH of the given environment (not the JVM's, so tests can put a stand-in first).
 */
public final class ProgramLocator {

  private ProgramLocator() {}

  public static Optional<Path> pio(Environment env) {
    Optional<Path> fromHome = env.find("PIO_HOME").map(home -> Path.of(home, "bin", "pio"))
        .filter(Files::isExecutable);
    return fromHome.or(() -> onPath(env, "pio"));
  }

  static Optional<Path> onPath(Environment env, String program) {
    for (String directory : env.find("PATH").orElse("").split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, program);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
