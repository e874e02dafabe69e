package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.buildpack.output.CnbLog;
import io.piobuildpack.core.config.Environment;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The CNB phases the buildpack's Java entry point dispatches to. {@code bin/detect} is POSIX sh (no Java exists
 * on CNB build images at detect time, and detect must stay cheap); {@code bin/build} runs {@link #build} on the
 * Java that {@code bin/support/toolkit-java} finds or installs into the {@code downloads} layer.
 */
public final class CnbPhases {

  /** Where the packaged buildpack keeps the shaded jar installed into the toolkit layer. */
  public static final String TOOLKIT_JAR = "lib/pio-data.jar";

  private CnbPhases() {}

  /**
   * {@code cnb-build}: the build with the lifecycle's inputs ({@code CNB_*} variables, else the deprecated
   * positional arguments {@code LAYERS_DIR PLATFORM_DIR PLAN_PATH}); the working directory is the app.
   *
   * @param buildpackDir the buildpack's root ({@code CNB_BUILDPACK_DIR} wins when set)
   * @return the exit status ({@link CnbExitCode})
   */
  public static int build(Path buildpackDir, List<String> args, Environment process, PrintStream out,
      PrintStream err) {
    CnbLog log = new CnbLog(new PrintWriter(out, true, StandardCharsets.UTF_8),
        new PrintWriter(err, true, StandardCharsets.UTF_8));
    try {
      CnbInputs inputs = CnbInputs.forBuild(args, process, Path.of("").toAbsolutePath());
      if (inputs.buildpackDir().isEmpty()) {
        inputs = new CnbInputs(inputs.appDir(), inputs.platformDir(), inputs.planPath(), inputs.layersDir(),
            java.util.Optional.of(buildpackDir.toAbsolutePath()), inputs.env());
      }
      return new CnbBuild(log, inputs.buildpackDir().get().resolve(TOOLKIT_JAR)).run(inputs).code();
    } catch (CnbException e) {
      log.error(e.getMessage());
      return e.exitCode().code();
    } catch (RuntimeException e) {
      log.error("Internal error of the buildpack (" + e.getClass().getSimpleName() + "): " + e.getMessage());
      if (process.flag("PIO_DATA_STACKTRACE", false)) {
        e.printStackTrace(err);
      }
      return CnbExitCode.INTERNAL.code();
    }
  }
}
