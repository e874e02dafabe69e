package io.piobuildpack.core.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code pio-data} command: PredictionIO's data commands on the toolkit's event store. */
@Command(
    name = "pio-data",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "PredictionIO data commands (events, apps, access keys, import, export) without Spark.",
    subcommands = {
      AppCommand.class, AccessKeyCommand.class, ImportCommand.class, ExportCommand.class, EventServerCommand.class,
      StatusCommand.class, ValidateCommand.class, HelpCommand.class
    })
public final class PioDataCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  private final CliContext context;

  public PioDataCommand(CliContext context) {
    this.context = context;
  }

  /** The surroundings every subcommand runs in. */
  public CliContext context() {
    return context;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
