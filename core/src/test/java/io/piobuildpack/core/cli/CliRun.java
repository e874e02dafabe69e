package io.piobuildpack.core.cli;

import io.piobuildpack.core.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run of {@code pio-data} through {@link PioDataCli#run}, with its exit code and captured output. Shared with
 * the hooks module's tests through core's test jar.
 */
public record CliRun(int code, String out, String err) {

  /** Runs the command line in a context with exactly these variables, this directory and standard input. */
  public static CliRun of(Map<String, String> env, Path workingDirectory, boolean interactive, String stdin,
      String... args) {
    CliContext context = new CliContext(Environment.of(env), workingDirectory,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), interactive);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = PioDataCli.run(args, o, e, context);
    }
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs without a terminal, with an empty environment and empty standard input. */
  public static CliRun of(Path workingDirectory, String... args) {
    return of(Map.of(), workingDirectory, false, "", args);
  }

  public List<String> outLines() {
    return out.lines().toList();
  }

  public List<String> errLines() {
    return err.lines().toList();
  }

  /** Everything the run printed, standard output then standard error. */
  public String output() {
    return out + err;
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
