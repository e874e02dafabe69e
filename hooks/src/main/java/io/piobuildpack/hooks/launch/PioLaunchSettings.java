package io.piobuildpack.hooks.launch;

import io.piobuildpack.core.config.Environment;
import java.util.List;
import java.util.OptionalLong;

/**
 * The settings a {@code pio train} or {@code pio deploy} launch is built from, read once from the environment and
 * checked before anything runs. Option variables are split into words like a shell splits them, never
 * evaluated ({@link ShellWords}).
 */
public sealed interface PioLaunchSettings permits TrainSettings, DeploySettings {

  /** Memory (MiB) to size the Spark driver from instead of detecting the container's memory. */
  String CONTAINER_MEMORY_MB = "PIO_CONTAINER_MEMORY_MB";
  /** Extra {@code pio train}/{@code pio deploy} arguments. */
  String PIO_OPTS = "PIO_OPTS";
  /** Set: S3 SigV4 options are added to the Spark options, as the original launchers did. */
  String AWS_REGION = "AWS_REGION";

  /** The {@code PIO_CONTAINER_MEMORY_MB} override, or empty to detect the container's memory. */
  OptionalLong containerMemoryMebibytes();

  /** The words of {@code PIO_OPTS}. */
  List<String> pioOptions();

  /** The words of the Spark options variable ({@code PIO_TRAIN_SPARK_OPTS} or {@code PIO_SPARK_OPTS}). */
  List<String> sparkOptions();

  /** True when {@code AWS_REGION} is set. */
  boolean s3SigV4();

  /**
   * Reads {@code PIO_CONTAINER_MEMORY_MB}.
   *
   * @throws io.piobuildpack.core.config.InvalidVariableException when it is not a whole number
   */
  static OptionalLong containerMemory(Environment env) {
    return env.wholeNumber(CONTAINER_MEMORY_MB, "number of MiB");
  }

  /**
   * The words of an option variable; none when it is unset.
   *
   * @throws InvalidOptionsException naming the variable when its quoting is broken
   */
  static List<String> words(Environment env, String variable) {
    try {
      return ShellWords.split(env.get(variable));
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionsException(variable, e.getMessage());
    }
  }
}
