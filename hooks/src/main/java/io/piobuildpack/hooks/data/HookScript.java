package io.piobuildpack.hooks.data;

import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.hooks.process.ProcessRunner;
import io.piobuildpack.hooks.process.ProcessSpec;
import io.piobuildpack.hooks.process.ProcessStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs one data-hook script as a program (its own argv, never through a shell {@code eval}), in the app
 * directory, with the given environment, its output streamed line by line as {@link DeployLog#hookOutput} events,
 * and a timeout that kills its process tree.
 */
final class HookScript {

  private final Path appDir;
  private final String name;
  private final DeployLog log;
  private final Duration timeout;

  HookScript(Path appDir, String name, DeployLog log, Duration timeout) {
    this.appDir = appDir;
    this.name = name;
    this.log = log;
    this.timeout = timeout;
  }

  /**
   * Runs the script to its end.
   *
   * @throws HookNotExecutableException when the file may not be executed
   * @throws HookFailedException when it exits non-zero
   * @throws io.piobuildpack.hooks.process.ProcessTimeoutException when it runs too long (it was killed)
   */
  void run(Map<String, String> environment) {
    Path script = appDir.resolve(name);
    if (!Files.isExecutable(script)) {
      throw new HookNotExecutableException(name);
    }
    ProcessSpec spec = new ProcessSpec(name, List.of(script.toAbsolutePath().toString()), appDir, environment,
        timeout);
    int exitCode;
    try {
      exitCode = new ProcessRunner(log::hookOutput).run(spec);
    } catch (ProcessStartException e) {
      throw new HookFailedException(name, 126);
    }
    if (exitCode != 0) {
      throw new HookFailedException(name, exitCode);
    }
  }
}
