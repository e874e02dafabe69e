package io.piobuildpack.hooks.launch;

import io.piobuildpack.core.config.Environment;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code pio deploy --port $PORT $PIO_OPTS [feedback] -- $PIO_SPARK_OPTS} is launched with (the original
 * buildpack's {@code bin/heroku-buildpack-pio-web}, https://github.com/heroku/predictionio-buildpack). The port
 * is passed on as given.
 */
public record DeploySettings(
    OptionalLong containerMemoryMebibytes,
    String port,
    List<String> pioOptions,
    Optional<FeedbackSettings> feedback,
    List<String> sparkOptions,
    boolean s3SigV4) implements PioLaunchSettings {

  /** The port the engine serves on (set by Heroku). */
  public static final String PORT = "PORT";
  /** Spark options of {@code pio deploy}. */
  public static final String SPARK_OPTS = "PIO_SPARK_OPTS";

  public DeploySettings {
    pioOptions = List.copyOf(pioOptions);
    sparkOptions = List.copyOf(sparkOptions);
  }

  /**
   * Reads and checks the settings, in the order the launcher used them.
   *
   * @throws io.piobuildpack.core.config.InvalidVariableException when {@code PIO_CONTAINER_MEMORY_MB} is not a
   *     whole number or {@code PIO_ENABLE_FEEDBACK} not a flag
   * @throws MissingSettingsException when {@code PORT}, or with feedback enabled its settings, are missing
   * @throws InvalidOptionsException when {@code PIO_OPTS} or {@code PIO_SPARK_OPTS} cannot be split
   */
  public static DeploySettings from(Environment env) {
    OptionalLong memory = PioLaunchSettings.containerMemory(env);
    String port = env.find(PORT).orElseThrow(() -> MissingSettingsException.variable("web", PORT));
    List<String> pioOptions = PioLaunchSettings.words(env, PIO_OPTS);
    Optional<FeedbackSettings> feedback = FeedbackSettings.from(env);
    List<String> sparkOptions = PioLaunchSettings.words(env, SPARK_OPTS);
    return new DeploySettings(memory, port, pioOptions, feedback, sparkOptions, env.find(AWS_REGION).isPresent());
  }
}
