package io.piobuildpack.hooks.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pio-data train}: {@code pio train $PIO_OPTS -- $PIO_TRAIN_SPARK_OPTS}, options split but never evaluated. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the engine with PredictionIO (pio train), options from PIO_OPTS and PIO_TRAIN_SPARK_OPTS.")
final class TrainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    return PioRun.train(spec);
  }
}
