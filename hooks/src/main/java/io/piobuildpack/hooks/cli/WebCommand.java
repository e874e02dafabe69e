package io.piobuildpack.hooks.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pio-data web}: {@code pio deploy --port $PORT $PIO_OPTS [feedback] -- $PIO_SPARK_OPTS}. */
@Command(name = "web", mixinStandardHelpOptions = true,
    description = "Serve the trained engine with PredictionIO (pio deploy) on $PORT.")
final class WebCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    return PioRun.deploy(spec);
  }
}
