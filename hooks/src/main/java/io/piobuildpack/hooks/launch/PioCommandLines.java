package io.piobuildpack.hooks.launch;

import io.piobuildpack.core.config.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds the {@code pio train} and {@code pio deploy} command lines the original launchers built, as argv
 * lists: option variables are split like a shell splits words but never evaluated, and the Spark driver
 * memory is defaulted from the container's memory when the user's options do not set it.
 */
public final class PioCommandLines {

  /** Extra Spark options that enable S3 SigV4 when {@code AWS_REGION} is set (as the original). */
  static final List<String> S3_SIGV4_OPTIONS = List.of(
      "--driver-java-options", "-Dcom.amazonaws.services.s3.enableV4",
      "--conf", "spark.executor.extraJavaOptions=-Dcom.amazonaws.services.s3.enableV4");

  private static final String DEFAULT_EVENTSERVER_PORT = "443";

  private final Environment env;
  private final String pio;
  private final OptionalLong driverMebibytes;

  /**
   * @param pio the {@code pio} program to run (a path, or {@code pio} to find it on PATH)
   * @param driverMebibytes the default driver memory, or empty to add none
   */
  public PioCommandLines(Environment env, String pio, OptionalLong driverMebibytes) {
    this.env = env;
    this.pio = pio;
    this.driverMebibytes = driverMebibytes;
  }

  /** {@code pio train $PIO_OPTS -- $PIO_TRAIN_SPARK_OPTS [S3 SigV4 options]}. */
  public List<String> train() {
    List<String> argv = new ArrayList<>(List.of(pio, "train"));
    argv.addAll(words("PIO_OPTS"));
    argv.add("--");
    argv.addAll(sparkOptions("PIO_TRAIN_SPARK_OPTS"));
    return List.copyOf(argv);
  }

  /**
   * {@code pio deploy --port $PORT $PIO_OPTS [feedback options] -- $PIO_SPARK_OPTS [S3 SigV4 options]}.
   *
   * @throws MissingSettingsException when PORT, or with feedback enabled its settings, are missing
   */
  public List<String> deploy() {
    String port = env.find("PORT").orElseThrow(() -> MissingSettingsException.variable("web", "PORT"));
    List<String> argv = new ArrayList<>(List.of(pio, "deploy", "--port", port));
    argv.addAll(words("PIO_OPTS"));
    argv.addAll(feedbackOptions());
    argv.add("--");
    argv.addAll(sparkOptions("PIO_SPARK_OPTS"));
    return List.copyOf(argv);
  }

  private List<String> feedbackOptions() {
    if (!"true".equals(env.get("PIO_ENABLE_FEEDBACK"))) {
      return List.of();
    }
    List<String> missing = new ArrayList<>();
    Optional<String> host = required("PIO_EVENTSERVER_HOSTNAME", missing);
    Optional<String> key = required("PIO_EVENTSERVER_ACCESS_KEY", missing);
    if (!missing.isEmpty()) {
      throw MissingSettingsException.forFeature("PredictionIO feedback", missing);
    }
    String port = env.find("PIO_EVENTSERVER_PORT").orElse(DEFAULT_EVENTSERVER_PORT);
    return List.of("--feedback", "--event-server-ip", host.orElseThrow(), "--event-server-port", port,
        "--accesskey", key.orElseThrow());
  }

  private Optional<String> required(String name, List<String> missing) {
    Optional<String> value = env.find(name);
    if (value.isEmpty()) {
      missing.add(name);
    }
    return value;
  }

  private List<String> sparkOptions(String variable) {
    List<String> options = words(variable);
    if (driverMebibytes.isPresent()) {
      options = SparkDriverMemory.withDefault(options, driverMebibytes.getAsLong());
    }
    List<String> all = new ArrayList<>(options);
    if (env.find("AWS_REGION").isPresent()) {
      all.addAll(S3_SIGV4_OPTIONS);
    }
    return all;
  }

  private List<String> words(String variable) {
    try {
      return ShellWords.split(env.get(variable));
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionsException(variable, e.getMessage());
    }
  }
}
