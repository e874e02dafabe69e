package io.piobuildpack.core.cli;

import java.util.List;
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
    description = "PredictionIO data commands (events, apps, access keys, import, export) without Spark.")
public final class PioDataCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  private final CliContext context;

  public PioDataCommand(CliContext context) {
    this.context = context;
  }

  /**
   * The subcommands core provides, in the order help lists them; picocli builds their model only when they are
   * added to the command line (see {@link PioDataCli}).
   */
  static List<Object> coreCommands() {
    return List.of(new AppCommand(), new AccessKeyCommand(), new ImportCommand(), new ExportCommand(),
        new EventServerCommand(), new StatusCommand(), new ValidateCommand(), new HelpCommand());
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
