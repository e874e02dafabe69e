package io.piobuildpack.it.heroku;

import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.PhaseRunner;
import io.piobuildpack.it.process.RunningProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs an app's processes the way a dyno does (https://devcenter.heroku.com/articles/dynos#startup and
 * https://devcenter.heroku.com/articles/profiled): in the unpacked slug with {@code HOME} set to it, the config vars,
 * {@code DYNO}, {@code PORT} for web processes, and {@code PATH} of the stack; a bash shell sources every
 * {@code $HOME/.profile.d/*.sh}, then {@code $HOME/.profile}, then runs the process's command.
 */
public final class Dyno {

  /** The stack's default {@code PATH} in a dyno. */
  public static final String STACK_PATH = "/usr/local/bin:/usr/bin:/bin";

  private static final String PROFILE = """
      for pio_it_profile in "$HOME"/.profile.d/*.sh; do
        if [ -f "$pio_it_profile" ]; then . "$pio_it_profile"; fi
      done
      unset pio_it_profile
      if [ -f "$HOME/.profile" ]; then . "$HOME/.profile"; fi
      """;

  private final Path appDir;
  private final PhaseRunner runner;
  private final String shell;

  /**
   * @param appDir the unpacked slug ({@code /app} on Heroku)
   * @param runner runs one-off processes (the release phase)
   */
  public Dyno(Path appDir, PhaseRunner runner) {
    this.appDir = appDir;
    this.runner = runner;
    this.shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
  }

  /**
   * Runs a one-off process to its end (the {@code release} process runs so,
   * https://devcenter.heroku.com/articles/release-phase).
   *
   * @param dynoName {@code DYNO}, e.g. {@code release.1}
   */
  public PhaseResult run(String type, String command, Map<String, String> configVars, String dynoName) {
    return runner.run(type + " process", argv(command), appDir, environment(configVars, dynoName, 0));
  }

  /**
   * Starts a long-running process ({@code web} gets {@code PORT}), its output in {@code log}.
   *
   * @param port the {@code PORT} it must bind, 0 for none
   */
  public RunningProcess start(String type, String command, Map<String, String> configVars, String dynoName,
      int port, Path log) {
    return RunningProcess.start(type, argv(command), appDir, environment(configVars, dynoName, port), log, port);
  }

  /** The environment a process gets before {@code .profile.d} runs: config vars, then the dyno's own variables. */
  public Map<String, String> environment(Map<String, String> configVars, String dynoName, int port) {
    Map<String, String> env = new TreeMap<>(configVars);
    env.put("HOME", appDir.toString());
    env.put("DYNO", dynoName);
    env.putIfAbsent("PATH", STACK_PATH);
    env.putIfAbsent("LANG", "en_US.UTF-8");
    if (port > 0) {
      env.put("PORT", Integer.toString(port));
    }
    return env;
  }

  private List<String> argv(String command) {
    return List.of(shell, "-c", PROFILE + command);
  }
}
