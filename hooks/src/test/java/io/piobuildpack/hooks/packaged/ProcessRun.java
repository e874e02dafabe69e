package io.piobuildpack.hooks.packaged;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished child process of a packaged-artifact test: its exit code and what it printed. */
record ProcessRun(int exitCode, String out, String err) {

  /**
   * Runs the command in the directory with the test's environment, minus the variables to unset, plus {@code env};
   * fails the test, and kills the process with its children, when it runs longer than two minutes.
   */
  static ProcessRun of(List<String> command, Path directory, Map<String, String> env, String... unset)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("process", ".out");
    Path err = Files.createTempFile("process", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      for (String name : unset) {
        builder.environment().remove(name);
      }
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail("%s did not finish within 120 s", command);
      }
      return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
