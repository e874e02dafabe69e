package io.piobuildpack.it.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.PhaseRunner;
import io.piobuildpack.it.process.RunningProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classic buildpack's three programs run as Heroku runs them (https://devcenter.heroku.com/articles/buildpack-api):
 * {@code bin/detect BUILD_DIR}, {@code bin/compile BUILD_DIR CACHE_DIR ENV_DIR} and {@code bin/release BUILD_DIR},
 * each started directly (its shebang chooses the shell) in the build directory with exactly the environment given;
 * and Heroku CI's {@code bin/test-compile} and {@code bin/test} (https://devcenter.heroku.com/articles/testpack-api).
 * A buildpack made with an interpreter (e.g. {@code dash}) runs every program with it instead of its shebang.
 */
public final class HerokuBuildpack {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path directory;
  private final PhaseRunner runner;
  private final List<String> interpreter;

  /**
   * @param directory the buildpack's root (holding {@code bin/detect}, {@code bin/compile}, {@code bin/release})
   * @param runner runs each program
   * @throws IllegalArgumentException when {@code directory} has no executable {@code bin/compile}
   */
  public HerokuBuildpack(Path directory, PhaseRunner runner) {
    this(directory, runner, List.of());
  }

  /**
   * @param directory the buildpack's root (holding {@code bin/detect}, {@code bin/compile}, {@code bin/release})
   * @param runner runs each program
   * @param interpreter the command that runs each program, its path appended (e.g. {@code [dash]}, to test POSIX
   *     scripts with {@code dash} whatever {@code /bin/sh} is); empty to start the program itself
   * @throws IllegalArgumentException when {@code directory} has no executable {@code bin/compile}
   */
  public HerokuBuildpack(Path directory, PhaseRunner runner, List<String> interpreter) {
    this.directory = directory.toAbsolutePath().normalize();
    this.runner = runner;
    this.interpreter = List.copyOf(interpreter);
    if (!Files.isExecutable(this.directory.resolve("bin/compile"))) {
      throw new IllegalArgumentException("not a buildpack (no executable bin/compile): " + this.directory);
    }
  }

  /** The buildpack's root. */
  public Path directory() {
    return directory;
  }

  /** {@code bin/detect BUILD_DIR}: exit 0 and the framework's name on stdout when the buildpack applies. */
  public PhaseResult detect(Path buildDir, Map<String, String> env) {
    return run("detect", buildDir, env, buildDir.toString());
  }

  /** {@code bin/compile BUILD_DIR CACHE_DIR ENV_DIR}. */
  public PhaseResult compile(Path buildDir, Path cacheDir, Path envDir, Map<String, String> env) {
    return run("compile", buildDir, env, buildDir.toString(), cacheDir.toString(), envDir.toString());
  }

  /** Heroku CI's {@code bin/test-compile BUILD_DIR CACHE_DIR ENV_DIR}. */
  public PhaseResult testCompile(Path buildDir, Path cacheDir, Path envDir, Map<String, String> env) {
    return run("test-compile", buildDir, env, buildDir.toString(), cacheDir.toString(), envDir.toString());
  }

  /** Heroku CI's {@code bin/test BUILD_DIR ENV_DIR}: its exit code is the tests' result. */
  public PhaseResult test(Path buildDir, Path envDir, Map<String, String> env) {
    return run("test", buildDir, env, buildDir.toString(), envDir.toString());
  }

  /**
   * Starts {@code bin/compile BUILD_DIR CACHE_DIR ENV_DIR} without waiting for it, its output (standard output and
   * error together) in {@code log}: for a build that is cancelled or killed while it runs.
   *
   * @throws java.io.UncheckedIOException when it cannot be started
   */
  public RunningProcess startCompile(Path buildDir, Path cacheDir, Path envDir, Map<String, String> env, Path log) {
    return RunningProcess.start("bin/compile", command("compile", buildDir.toString(), cacheDir.toString(),
        envDir.toString()), buildDir, env, log, 0);
  }

  /** {@code bin/release BUILD_DIR}: YAML on stdout. */
  public PhaseResult release(Path buildDir, Map<String, String> env) {
    return run("release", buildDir, env, buildDir.toString());
  }

  /**
   * The {@code default_process_types} of {@code bin/release}'s YAML, empty when it has none.
   *
   * @throws IllegalArgumentException when the output is not YAML
   */
  public static Map<String, String> defaultProcessTypes(PhaseResult release) {
    Map<String, String> types = new LinkedHashMap<>();
    try {
      JsonNode yaml = YAML.readTree(release.stdout());
      if (yaml != null) {
        yaml.path("default_process_types").properties().forEach(e -> types.put(e.getKey(), e.getValue().asText()));
      }
      return types;
    } catch (IOException e) {
      throw new IllegalArgumentException("bin/release did not print YAML: " + release.stdout(), e);
    }
  }

  /**
   * Writes {@code ENV_DIR}: one file per config var, its name the variable's, its content the value with no
   * newline added (https://devcenter.heroku.com/articles/buildpack-api#bin-compile).
   */
  public static Path writeEnvDir(Path envDir, Map<String, String> configVars) {
    try {
      Files.createDirectories(envDir);
      for (Map.Entry<String, String> var : configVars.entrySet()) {
        Files.writeString(envDir.resolve(var.getKey()), var.getValue());
      }
      return envDir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the config vars into " + envDir, e);
    }
  }

  private PhaseResult run(String name, Path workDir, Map<String, String> env, String... args) {
    return runner.run("bin/" + name, command(name, args), workDir, env);
  }

  private List<String> command(String name, String... args) {
    List<String> command = new ArrayList<>(interpreter);
    command.add(directory.resolve("bin").resolve(name).toString());
    command.addAll(List.of(args));
    return command;
  }
}
