package io.piobuildpack.hooks.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Builds the {@code pio train} and {@code pio deploy} command lines the original launchers built, as argv
 * lists, from settings read once ({@link TrainSettings}, {@link DeploySettings}); the Spark driver memory is
 * defaulted from the container's memory when the user's options do not set it.
 */
public final class PioCommandLines {

  /** Extra Spark options that enable S3 SigV4 when {@code AWS_REGION} is set (as the original). */
  static final List<String> S3_SIGV4_OPTIONS = List.of(
      "--driver-java-options", "-Dcom.amazonaws.services.s3.enableV4",
      "--conf", "spark.executor.extraJavaOptions=-Dcom.amazonaws.services.s3.enableV4");

  private final String pio;
  private final OptionalLong driverMebibytes;

  /**
   * @param pio the {@code pio} program to run (a path, or {@code pio} to find it on PATH)
   * @param driverMebibytes the default driver memory, or empty to add none
   */
  public PioCommandLines(String pio, OptionalLong driverMebibytes) {
    this.pio = pio;
    this.driverMebibytes = driverMebibytes;
  }

  /** {@code pio train $PIO_OPTS -- $PIO_TRAIN_SPARK_OPTS [S3 SigV4 options]}. */
  public List<String> train(TrainSettings settings) {
    List<String> argv = new ArrayList<>(List.of(pio, "train"));
    argv.addAll(settings.pioOptions());
    argv.add("--");
    argv.addAll(sparkOptions(settings));
    return List.copyOf(argv);
  }

  /** {@code pio deploy --port $PORT $PIO_OPTS [feedback options] -- $PIO_SPARK_OPTS [S3 SigV4 options]}. */
  public List<String> deploy(DeploySettings settings) {
    List<String> argv = new ArrayList<>(List.of(pio, "deploy", "--port", settings.port()));
    argv.addAll(settings.pioOptions());
    settings.feedback().ifPresent(feedback -> argv.addAll(List.of("--feedback", "--event-server-ip",
        feedback.eventServerHost(), "--event-server-port", feedback.eventServerPort(), "--accesskey",
        feedback.accessKey())));
    argv.add("--");
    argv.addAll(sparkOptions(settings));
    return List.copyOf(argv);
  }

  private List<String> sparkOptions(PioLaunchSettings settings) {
    List<String> options = settings.sparkOptions();
    if (driverMebibytes.isPresent()) {
      options = SparkDriverMemory.withDefault(options, driverMebibytes.getAsLong());
    }
    List<String> all = new ArrayList<>(options);
    if (settings.s3SigV4()) {
      all.addAll(S3_SIGV4_OPTIONS);
    }
    return all;
  }
}
