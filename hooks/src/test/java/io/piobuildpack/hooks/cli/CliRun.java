package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.CliContext;
import io.piobuildpack.core.cli.PioDataCli;
import io.piobuildpack.core.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code pio-data} in-process as the launchers do, with a test environment, and keeps what it printed. */
final class CliRun {

  /** The outcome of one run. */
  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private final Path workingDirectory;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> storeArgs = new ArrayList<>();

  CliRun(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
    env.put("PATH", System.getenv("PATH"));
  }

  CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRun unset(String name) {
    env.remove(name);
    return this;
  }

  /** Passed as {@code --database-url} to every command that takes it. */
  CliRun databaseUrl(String url) {
    storeArgs.clear();
    if (url != null) {
      storeArgs.add("--database-url");
      storeArgs.add(url);
    }
    return this;
  }

  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (takesStore(args)) {
      all.addAll(storeArgs);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(Environment.of(env), workingDirectory,
        new ByteArrayInputStream(new byte[0]), false);
    int code = PioDataCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
        context);
    return new Result(code, out.toString(), err.toString());
  }

  private static boolean takesStore(String... args) {
    return args.length > 0 && List.of("load-data", "release", "checkpoint").contains(args[0])
        && !List.of(args).contains("--help");
  }
}
