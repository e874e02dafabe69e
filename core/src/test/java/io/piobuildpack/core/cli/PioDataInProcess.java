package io.piobuildpack.core.cli;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.testsupport.process.CommandResult;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs {@code pio-data} through {@link PioDataCli#run} in the test's JVM and gives its exit code and captured output
 * as a {@link CommandResult} (assert with {@code CommandResultAssert.assertThat}). Shared with the hooks module's
 * tests through core's test jar.
 */
public final class PioDataInProcess {

  private PioDataInProcess() {
  }

  /** Runs the command line in a context with exactly these variables, this directory and standard input. */
  public static CommandResult run(Map<String, String> env, Path workingDirectory, boolean interactive, String stdin,
      String... args) {
    CliContext context = new CliContext(Environment.of(env), workingDirectory,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), interactive);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = PioDataCli.run(args, o, e, context);
    }
    return new CommandResult(code, out.toString(), err.toString());
  }

  /** Runs without a terminal, with an empty environment and empty standard input. */
  public static CommandResult run(Path workingDirectory, String... args) {
    return run(Map.of(), workingDirectory, false, "", args);
  }
}
