package io.piobuildpack.it.heroku;

import io.piobuildpack.it.PackagedBuildpack;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.files.Trees;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.PhaseRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packaged buildpack's Heroku programs run one by one with {@code dash} (the scripts are POSIX {@code sh}),
 * against the harness's {@link StandInArtifacts} and their test inventory ({@code PIO_BUILDPACK_INVENTORY}): for the
 * tests of one phase at a time ({@code bin/compile}, {@code bin/release}, Heroku CI, the Java bootstrap shim), where
 * a whole deployment ({@link HerokuDeployer}) would hide the phase's own output and files.
 *
 * <p>The buildpack is a private copy of {@code bin/} and {@code buildpack.toml} with {@code lib/} linked to the
 * packaged one: compile writes {@code export} into the buildpack directory, and a test may replace a file of {@code
 * bin/}. Files under the root: {@code buildpack/}, {@code cache/}, {@code artifacts/}, {@code env-<name>/}, the apps.
 */
final class HerokuFixture implements AutoCloseable {

  /** The Java running the tests. */
  static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  final Path root;
  final Path packaged;
  final Path buildpackDir;
  final Path cache;
  final StandInArtifacts artifacts;
  final PhaseRunner runner = new PhaseRunner(Duration.ofMinutes(5));
  final HerokuBuildpack buildpack;

  /** With the packaged buildpack of {@link PackagedBuildpack#directory()}. */
  HerokuFixture(Path root) {
    this(root, PackagedBuildpack.directory());
  }

  /**
   * @param packaged the packaged buildpack ({@code buildpack/target/buildpack})
   * @throws IllegalStateException when {@code packaged} is not a packaged buildpack
   */
  HerokuFixture(Path root, Path packaged) {
    this.root = root;
    this.packaged = PackagedBuildpack.at(packaged);
    this.buildpackDir = root.resolve("buildpack");
    this.cache = root.resolve("cache");
    Trees.copy(this.packaged, buildpackDir, Set.of("lib"));
    try {
      Files.createSymbolicLink(buildpackDir.resolve("lib"), this.packaged.resolve("lib"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link the packaged lib/ into " + buildpackDir, e);
    }
    this.artifacts = StandInArtifacts.start(root.resolve("artifacts"));
    this.buildpack = new HerokuBuildpack(buildpackDir, runner, List.of("dash"));
  }

  /**
   * The environment every phase starts from: the stack's {@code PATH}, {@code HOME} at the root, a Java 17 in {@code
   * JAVA_HOME} (the build image's, for the toolkit), the test inventory, two download attempts.
   */
  Map<String, String> baseEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", Dyno.STACK_PATH);
    env.put("HOME", root.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PIO_BUILDPACK_INVENTORY", artifacts.inventory().toString());
    env.put("PIO_DOWNLOAD_ATTEMPTS", "2");
    return env;
  }

  /** {@code bin/compile app cache envDir} with the base environment plus {@code extra}. */
  PhaseResult compile(Path app, Path envDir, Map<String, String> extra) {
    Map<String, String> env = baseEnvironment();
    env.putAll(extra);
    return buildpack.compile(app, cache, envDir, env);
  }

  /** {@code bin/release app} with the base environment. */
  PhaseResult release(Path app) {
    return buildpack.release(app, baseEnvironment());
  }

  /** {@code dash <buildpack>/bin/<script> args} in {@code workDir} with exactly {@code env}. */
  PhaseResult script(String script, Map<String, String> env, Path workDir, String... args) {
    List<String> command = new ArrayList<>(List.of("dash", buildpackDir.resolve("bin").resolve(script).toString()));
    command.addAll(List.of(args));
    return runner.run("bin/" + script, command, workDir, env);
  }

  /** {@code command} in {@code workDir} with exactly {@code env}. */
  PhaseResult exec(Map<String, String> env, Path workDir, String... command) {
    return runner.run(command[0], List.of(command), workDir, env);
  }

  /** A directory of config vars ({@code ENV_DIR}), one file per variable. */
  Path envDir(String name, Map<String, String> vars) {
    return HerokuBuildpack.writeEnvDir(root.resolve("env-" + name), vars);
  }

  /** An engine app: engine.json, template.json asking for {@code version}, build.sbt, a source file. */
  Path engineApp(String name, String version) throws IOException {
    Path app = Files.createDirectories(root.resolve(name));
    Files.writeString(app.resolve("engine.json"), "{\"id\": \"default\", \"engineFactory\": \"org.example.Engine\"}\n");
    Files.writeString(app.resolve("template.json"), "{\"pio\": {\"version\": {\"min\": \"" + version + "\"}}}\n");
    Files.writeString(app.resolve("build.sbt"), "name := \"engine\"\n");
    Files.createDirectories(app.resolve("src/main/scala"));
    Files.writeString(app.resolve("src/main/scala/Engine.scala"), "object Engine\n");
    return app;
  }

  /** An event-server app: only data hooks (no engine.json). */
  Path eventServerApp(String name) throws IOException {
    Path app = Files.createDirectories(root.resolve(name).resolve("data"));
    Files.writeString(app.resolve("initial-events.json"),
        "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\"}\n");
    return app.getParent();
  }

  /** Stops the artifact server and unlinks the packaged {@code lib/} (a tree delete then never reaches it). */
  @Override
  public void close() {
    artifacts.close();
    try {
      Files.deleteIfExists(buildpackDir.resolve("lib"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
