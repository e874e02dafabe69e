package io.piobuildpack.hooks.launch;

import io.piobuildpack.core.config.Environment;
import java.util.List;
import java.util.OptionalLong;

/**
 * What {@code pio train $PIO_OPTS -- $PIO_TRAIN_SPARK_OPTS} is launched with (the original buildpack's
 * {@code bin/heroku-buildpack-pio-train}, https://github.com/heroku/predictionio-buildpack).
 */
public record TrainSettings(
    OptionalLong containerMemoryMebibytes,
    List<String> pioOptions,
    List<String> sparkOptions,
    boolean s3SigV4) implements PioLaunchSettings {

  /** Spark options of {@code pio train}. */
  public static final String TRAIN_SPARK_OPTS = "PIO_TRAIN_SPARK_OPTS";

  public TrainSettings {
    pioOptions = List.copyOf(pioOptions);
    sparkOptions = List.copyOf(sparkOptions);
  }

  /**
   * Reads and checks the settings, in the order the launcher used them.
   *
   * @throws io.piobuildpack.core.config.InvalidVariableException when {@code PIO_CONTAINER_MEMORY_MB} is not a
   *     whole number
   * @throws InvalidOptionsException when {@code PIO_OPTS} or {@code PIO_TRAIN_SPARK_OPTS} cannot be split
   */
  public static TrainSettings from(Environment env) {
    OptionalLong memory = PioLaunchSettings.containerMemory(env);
    List<String> pioOptions = PioLaunchSettings.words(env, PIO_OPTS);
    List<String> sparkOptions = PioLaunchSettings.words(env, TRAIN_SPARK_OPTS);
    return new TrainSettings(memory, pioOptions, sparkOptions, env.find(AWS_REGION).isPresent());
  }
}
