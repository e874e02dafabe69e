package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.core.config.EnvDirVariables;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.VariableAllowList;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the lifecycle hands to {@code bin/build}: the {@code CNB_*} variables of Buildpack API 0.8+ and, when a
 * variable is absent, the deprecated positional arguments the lifecycle still passes
 * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#build): {@code LAYERS_DIR PLATFORM_DIR
 * PLAN_PATH}. The working directory is the app directory. ({@code bin/detect} is POSIX sh and reads its inputs
 * itself.)
 *
 * @param appDir the app directory (the working directory; {@code CNB_APP_DIR} is not given to buildpacks)
 * @param platformDir {@code CNB_PLATFORM_DIR}: {@code env/} holds the user's variables
 * @param planPath {@code CNB_BP_PLAN_PATH}, the Buildpack Plan
 * @param layersDir {@code CNB_LAYERS_DIR}, this buildpack's layers directory
 * @param buildpackDir {@code CNB_BUILDPACK_DIR}, when set
 * @param env the user's variables from {@code <platform>/env/} (allowed names) over the process environment
 */
public record CnbInputs(Path appDir, Path platformDir, Path planPath, Optional<Path> layersDir,
    Optional<Path> buildpackDir, Environment env) {

  /**
   * Build's inputs.
   *
   * @throws CnbException {@link CnbExitCode#LIFECYCLE_INPUT} naming the variable and argument that are missing
   */
  public static CnbInputs forBuild(List<String> args, Environment process, Path workingDir) throws CnbException {
    Path layers = path(process, "CNB_LAYERS_DIR", args, 0);
    Path platform = path(process, "CNB_PLATFORM_DIR", args, 1);
    Path plan = path(process, "CNB_BP_PLAN_PATH", args, 2);
    return new CnbInputs(workingDir, platform, plan, Optional.of(layers), optional(process, "CNB_BUILDPACK_DIR"),
        environment(platform, process));
  }

  private static Environment environment(Path platformDir, Environment process) throws CnbException {
    try {
      return Environment.layered(EnvDirVariables.cnbPlatformEnv(platformDir, VariableAllowList.TOOLKIT), process);
    } catch (RuntimeException e) {
      throw new CnbException(CnbExitCode.INVALID_SETTING, e.getMessage(), e);
    }
  }

  private static Optional<Path> optional(Environment process, String name) {
    return process.find(name).map(v -> Path.of(v).toAbsolutePath());
  }

  private static Path path(Environment process, String name, List<String> args, int position)
      throws CnbException {
    Optional<String> value = process.find(name);
    if (value.isEmpty() && args.size() > position && !args.get(position).isBlank()) {
      value = Optional.of(args.get(position));
    }
    if (value.isEmpty()) {
      throw new CnbException(CnbExitCode.LIFECYCLE_INPUT, name + " is not set and argument " + (position + 1)
          + " is missing: run this through the CNB lifecycle (Buildpack API 0.10).", null);
    }
    return Path.of(value.get()).toAbsolutePath();
  }
}
