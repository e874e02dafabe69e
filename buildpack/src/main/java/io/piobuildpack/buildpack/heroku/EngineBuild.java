package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.core.output.DeployLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the engine with the installed distribution, in the app directory, as the original buildpack did: {@code
 * PredictionIO-dist/bin/pio build} ({@code --verbose} with {@code PIO_VERBOSE=true}), or for Heroku CI {@code
 * PredictionIO-dist/sbt/sbt test:compile}; the output is streamed into the build log, indented.
 *
 * <p>{@code PIO_MAVEN_REPO} becomes a resolver without touching the app's {@code build.sbt} (the original appended to
 * it): sbt reads every {@code *.sbt} file of its global base directory as settings of every project
 * (https://www.scala-sbt.org/1.x/docs/Global-Settings.html), so the build points {@code sbt.global.base} at a
 * directory in the build cache holding one {@code global.sbt} with {@code resolvers += ...}, through {@code SBT_OPTS},
 * which PredictionIO's sbt launcher passes to the JVM. The Ivy and boot directories go to the cache too, so a warm
 * build resolves nothing again.
 */
public final class EngineBuild {

  /** What to run. */
  public enum Goal {
    /** {@code pio build}: the engine's jars for {@code pio train}/{@code pio deploy}. */
    PIO_BUILD,
    /** {@code sbt test:compile}: main and test classes and the test dependencies, for Heroku CI. */
    TEST_COMPILE
  }

  private final DeployLog log;

  /** A build reporting to {@code log} (the child's output as {@code hookOutput} lines). Also used by CNB. */
  public EngineBuild(DeployLog log) {
    this.log = log;
  }

  /**
   * Runs the build.
   *
   * @param environment the child's whole environment (ENV_DIR's allowed variables over the build's own)
   * @throws HerokuBuildException when the build fails (exit code {@link HerokuExitCode#ENGINE_BUILD_FAILED}) or the
   *     cache directory cannot be written
   */
  public void run(Goal goal, Path appDir, Path cacheDir, Map<String, String> environment, CompileSettings settings)
      throws HerokuBuildException {
    Path pioHome = appDir.resolve("PredictionIO-dist");
    List<String> command = new ArrayList<>();
    String shown;
    if (goal == Goal.PIO_BUILD) {
      command.add(pioHome.resolve("bin/pio").toString());
      command.add("build");
      if (settings.verbose()) {
        command.add("--verbose");
      }
      shown = "pio build" + (settings.verbose() ? " --verbose" : "");
    } else {
      command.add(pioHome.resolve("sbt/sbt").toString());
      command.add("test:compile");
      shown = "sbt test:compile";
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(appDir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(environment);
    Path jdk = appDir.resolve(".jdk");
    env.put("JAVA_HOME", jdk.toString());
    env.put("PATH", jdk.resolve("bin") + ":" + pioHome.resolve("bin") + ":"
        + Optional.ofNullable(environment.get("PATH")).orElse("/usr/local/bin:/usr/bin:/bin"));
    env.put("SBT_OPTS", sbtOptions(cacheDir, settings.mavenRepo(), environment.get("SBT_OPTS")));

    log.stepStarted("Building the engine: " + shown);
    settings.mavenRepo().ifPresent(repo -> log.note("Extra resolver from PIO_MAVEN_REPO (build.sbt unchanged)"));
    int exit;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          log.hookOutput(line);
        }
      }
      exit = process.waitFor();
    } catch (IOException e) {
      throw new HerokuBuildException(HerokuExitCode.ENGINE_BUILD_FAILED, "Cannot run " + command.get(0) + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HerokuBuildException(HerokuExitCode.ENGINE_BUILD_FAILED, shown + " was interrupted", e);
    }
    if (exit != 0) {
      throw new HerokuBuildException(HerokuExitCode.ENGINE_BUILD_FAILED, shown + " failed with exit code " + exit
          + "; its output is above. Fix the engine's sources or build.sbt"
          + (settings.verbose() ? "." : ", or set PIO_VERBOSE=true for more detail."));
    }
  }

  /**
   * The sbt JVM options: global base (with the extra resolver), Ivy home and boot directory in the cache, then the
   * caller's own {@code SBT_OPTS}.
   */
  static String sbtOptions(Path cacheDir, Optional<URI> mavenRepo, String callerOptions)
      throws HerokuBuildException {
    Path sbtDir = cacheDir.resolve("pio-buildpack/sbt").toAbsolutePath();
    if (sbtDir.toString().chars().anyMatch(Character::isWhitespace)) {
      throw new HerokuBuildException(HerokuExitCode.FILE_SYSTEM, "The build cache " + cacheDir
          + " has white space in its path, which sbt's SBT_OPTS cannot carry.");
    }
    Path global = sbtDir.resolve("global");
    try {
      Files.createDirectories(global);
      Path settingsFile = global.resolve("pio-buildpack-resolvers.sbt");
      if (mavenRepo.isPresent()) {
        Files.writeString(settingsFile, "// Written by pio-buildpack from PIO_MAVEN_REPO (docs/heroku.md)\n"
            + "resolvers += \"PIO_MAVEN_REPO\" at " + scalaString(mavenRepo.get().toString()) + "\n");
      } else {
        Files.deleteIfExists(settingsFile);
      }
    } catch (IOException e) {
      throw new HerokuBuildException(HerokuExitCode.FILE_SYSTEM, "Cannot write sbt's settings in " + global + ": "
          + e.getMessage(), e);
    }
    String options = "-Dsbt.global.base=" + global + " -Dsbt.ivy.home=" + sbtDir.resolve("ivy2")
        + " -Dsbt.boot.directory=" + sbtDir.resolve("boot");
    return callerOptions == null || callerOptions.isBlank() ? options : options + " " + callerOptions;
  }

  /**
   * A Scala string literal: {@code "} and {@code \} escaped. Control characters are refused (Scala reads unicode
   * escapes before it lexes, so none can be written safely; {@link CompileSettings} refuses them first).
   *
   * @throws IllegalArgumentException for a control character
   */
  static String scalaString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("a control character cannot be written in an sbt string");
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
