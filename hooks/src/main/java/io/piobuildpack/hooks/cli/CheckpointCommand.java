package io.piobuildpack.hooks.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pio-data checkpoint get|set}: sync checkpoints in the event store, no event server needed. */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = "Read or write checkpoint entities (entityType=checkpoint) of the app PIO_EVENTSERVER_APP_NAME.",
    subcommands = {CheckpointGetCommand.class, CheckpointSetCommand.class})
final class CheckpointCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a checkpoint subcommand is required");
  }
}
