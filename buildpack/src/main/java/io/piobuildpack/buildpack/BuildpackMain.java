package io.piobuildpack.buildpack;

import io.piobuildpack.buildpack.cnb.CnbPhases;
import io.piobuildpack.buildpack.heroku.HerokuBuildException;
import io.piobuildpack.buildpack.heroku.HerokuCompile;
import io.piobuildpack.buildpack.heroku.HerokuExitCode;
import io.piobuildpack.buildpack.heroku.ReleaseYaml;
import io.piobuildpack.buildpack.output.HerokuClassicLog;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.output.DeployLog;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The one Java entry point of the buildpack's {@code bin/*} shims: {@code BuildpackMain PHASE BUILDPACK_DIR ARGS...}.
 * Phases: {@code heroku-compile BUILD_DIR CACHE_DIR ENV_DIR}, {@code heroku-test-compile BUILD_DIR CACHE_DIR ENV_DIR},
 * {@code heroku-release BUILD_DIR} (the same YAML {@code bin/release} prints from the file compile wrote),
 * {@code cnb-build [LAYERS_DIR PLATFORM_DIR PLAN_PATH]} (CNB {@code bin/build}, {@link CnbPhases#build}). Heroku's
 * and CNB's detect and Heroku's test are POSIX sh only (no Java at detect time; tests run the app's own tools), see docs/heroku.md. The
 * exit status is the phase's ({@link HerokuExitCode} for the Heroku phases).
 */
public final class BuildpackMain {

  private BuildpackMain() {}

  /** Runs a phase and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Environment.SYSTEM));
  }

  /** Runs a phase; returns its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err, Environment environment) {
    if (args.length < 2) {
      err.println("usage: BuildpackMain PHASE BUILDPACK_DIR ARGS...");
      return HerokuExitCode.USAGE.code();
    }
    String phase = args[0];
    Path buildpackDir = Path.of(args[1]);
    List<String> rest = Arrays.asList(args).subList(2, args.length);
    DeployLog log = new HerokuClassicLog(new PrintWriter(out, true, StandardCharsets.UTF_8),
        new PrintWriter(err, true, StandardCharsets.UTF_8));
    try {
      switch (phase) {
        case "heroku-compile", "heroku-test-compile" -> {
          if (rest.size() != 3) {
            err.println("pio-buildpack: " + phase + " needs BUILD_DIR CACHE_DIR ENV_DIR");
            return HerokuExitCode.USAGE.code();
          }
          new HerokuCompile(log, environment).run(phase.equals("heroku-compile") ? HerokuCompile.Mode.COMPILE
              : HerokuCompile.Mode.TEST_COMPILE, buildpackDir, Path.of(rest.get(0)), Path.of(rest.get(1)),
              Path.of(rest.get(2)));
          return HerokuExitCode.SUCCESS.code();
        }
        case "heroku-release" -> {
          if (rest.size() != 1) {
            err.println("pio-buildpack: heroku-release needs BUILD_DIR");
            return HerokuExitCode.USAGE.code();
          }
          java.nio.file.Path file = Path.of(rest.get(0)).resolve(ReleaseYaml.FILE);
          out.print(java.nio.file.Files.isRegularFile(file) ? java.nio.file.Files.readString(file) : "--- {}\n");
          out.flush();
          return HerokuExitCode.SUCCESS.code();
        }
        case "cnb-build" -> {
          return CnbPhases.build(buildpackDir, rest, environment, out, err);
        }
        default -> {
          err.println("pio-buildpack: unknown phase " + phase);
          return HerokuExitCode.USAGE.code();
        }
      }
    } catch (HerokuBuildException e) {
      log.error(e.getMessage());
      return e.exitCode().code();
    } catch (java.io.IOException e) {
      log.error("Cannot read the release file: " + e.getMessage());
      return HerokuExitCode.FILE_SYSTEM.code();
    }
  }
}
