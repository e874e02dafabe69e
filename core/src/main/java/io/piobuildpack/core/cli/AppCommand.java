package io.piobuildpack.core.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pio-data app ...}: PredictionIO's app, channel and data-delete commands. */
@Command(
    name = "app",
    mixinStandardHelpOptions = true,
    description = "Manage apps, their channels and their event data (as 'pio app').",
    subcommands = {
      AppNewCommand.class, AppListCommand.class, AppShowCommand.class, AppDeleteCommand.class,
      AppDataDeleteCommand.class, ChannelNewCommand.class, ChannelDeleteCommand.class
    })
final class AppCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "an app subcommand is required");
  }
}
