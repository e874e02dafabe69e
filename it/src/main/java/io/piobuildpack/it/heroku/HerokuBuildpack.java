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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classic buildpack's three programs run as Heroku runs them (https://devcenter.heroku.com/articles/buildpack-api):
 * {@code bin/detect BUILD_DIR}, {@code bin/compile BUILD_DIR CACHE_DIR ENV_DIR} and {@code bin/release BUILD_DIR},
 * each started directly (its shebang chooses the shell) in the build directory with exactly the environment given.
 */
public final class HerokuBuildpack {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path directory;
  private final PhaseRunner runner;

  /**
   * @param directory the buildpack's root (holding {@code bin/detect}, {@code bin/compile}, {@code bin/release})
   * @param runner runs each program
   * @throws IllegalArgumentException when {@code directory} has no executable {@code bin/compile}
   */
  public HerokuBuildpack(Path directory, PhaseRunner runner) {
    this.directory = directory.toAbsolutePath().normalize();
    this.runner = runner;
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
    return runner.run("bin/detect", List.of(program("detect"), buildDir.toString()), buildDir, env);
  }

  /** {@code bin/compile BUILD_DIR CACHE_DIR ENV_DIR}. */
  public PhaseResult compile(Path buildDir, Path cacheDir, Path envDir, Map<String, String> env) {
    return runner.run("bin/compile", List.of(program("compile"), buildDir.toString(), cacheDir.toString(),
        envDir.toString()), buildDir, env);
  }

  /**
   * Starts {@code bin/compile BUILD_DIR CACHE_DIR ENV_DIR} without waiting for it, its output (standard output and
   * error together) in {@code log}: for a build that is cancelled or killed while it runs.
   *
   * @throws java.io.UncheckedIOException when it cannot be started
   */
  public RunningProcess startCompile(Path buildDir, Path cacheDir, Path envDir, Map<String, String> env, Path log) {
    return RunningProcess.start("bin/compile", List.of(program("compile"), buildDir.toString(), cacheDir.toString(),
        envDir.toString()), buildDir, env, log, 0);
  }

  /** {@code bin/release BUILD_DIR}: YAML on stdout. */
  public PhaseResult release(Path buildDir, Map<String, String> env) {
    return runner.run("bin/release", List.of(program("release"), buildDir.toString()), buildDir, env);
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

  private String program(String name) {
    return directory.resolve("bin").resolve(name).toString();
  }
}
