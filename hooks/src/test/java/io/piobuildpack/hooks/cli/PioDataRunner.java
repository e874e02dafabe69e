package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code pio-data} in-process as the launchers do, with an environment and store set up by the test. */
final class PioDataRunner {

  private final Path workingDirectory;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> storeArgs = new ArrayList<>();

  PioDataRunner(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
    env.put("PATH", System.getenv("PATH"));
  }

  PioDataRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  PioDataRunner unset(String name) {
    env.remove(name);
    return this;
  }

  /** Passed as {@code --database-url} to every command that takes it. */
  PioDataRunner databaseUrl(String url) {
    storeArgs.clear();
    if (url != null) {
      storeArgs.add("--database-url");
      storeArgs.add(url);
    }
    return this;
  }

  CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (takesStore(args)) {
      all.addAll(storeArgs);
    }
    return CliRun.of(env, workingDirectory, false, "", all.toArray(String[]::new));
  }

  private static boolean takesStore(String... args) {
    return args.length > 0 && List.of("load-data", "release", "checkpoint", "app", "accesskey", "import", "export", "status").contains(args[0])
        && !List.of(args).contains("--help");
  }
}
