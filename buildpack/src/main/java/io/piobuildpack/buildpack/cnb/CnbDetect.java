package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.buildpack.detect.AppKind;
import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.resolve.AppVersions;
import io.piobuildpack.core.config.EnvironmentVariableException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/**
 * CNB {@code bin/detect}: passes (0) with a build plan for an engine or an event-server app ({@link AppKind}, the
 * same rule as the Heroku detect), returns {@link CnbExitCode#NOT_APPLICABLE} (100) otherwise. Other codes only
 * for real errors: an unusable {@code PIO_RUN_AS_EVENTSERVER}, a plan file that cannot be written.
 */
public final class CnbDetect {

  private final PrintStream out;

  /** A detect step logging to {@code out} (the lifecycle shows it at debug level, or on error). */
  public CnbDetect(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs detect.
   *
   * @return {@link CnbExitCode#SUCCESS} or {@link CnbExitCode#NOT_APPLICABLE}
   * @throws CnbException {@link CnbExitCode#INVALID_SETTING} for an unusable flag,
   *     {@link CnbExitCode#IO_ERROR} when the plan cannot be written
   */
  public CnbExitCode run(CnbInputs inputs) throws CnbException {
    Optional<AppKind> kind;
    try {
      kind = AppKind.detect(inputs.appDir(), inputs.env());
    } catch (EnvironmentVariableException e) {
      throw new CnbException(CnbExitCode.INVALID_SETTING, e.getMessage(), e);
    }
    if (kind.isEmpty()) {
      out.println("No " + AppKind.ENGINE_JSON + " and " + AppKind.RUN_AS_EVENTSERVER
          + " is not true: not a PredictionIO app.");
      return CnbExitCode.NOT_APPLICABLE;
    }
    String version = null;
    if (kind.get() == AppKind.ENGINE) {
      try {
        version = AppVersions.read(inputs.appDir()).predictionIo().orElse(null);
      } catch (InvalidInstallSettingException e) {
        out.println(e.getMessage() + " (reported again by the build)");
      }
    }
    BuildPlan plan = DetectPlans.of(kind.get(), version);
    try {
      Files.writeString(inputs.planPath(), plan.toToml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CnbException(CnbExitCode.IO_ERROR, "Cannot write the build plan " + inputs.planPath() + ": "
          + e.getMessage(), e);
    }
    out.println(kind.get().displayName());
    return CnbExitCode.SUCCESS;
  }
}
