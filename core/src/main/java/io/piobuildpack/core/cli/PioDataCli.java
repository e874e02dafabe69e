package io.piobuildpack.core.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Builds the {@code pio-data} command line and turns every failure into one message and one {@link ExitCode}:
 * typed exceptions from core become user messages here, at the edge; stack traces only with
 * {@code PIO_DATA_STACKTRACE=true}.
 */
public final class PioDataCli {

  private PioDataCli() {}

  /** Runs the command line and returns the exit code; output goes to the given writers. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CliContext.system());
  }

  /** Runs the command line in the given surroundings (tests give their own environment and directory). */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    List<Object> commands = allCommands();
    Optional<Object> requested = requested(commands, args);
    Optional<BackgroundWarmUp> warmUp = requested.filter(WarmsUp.class::isInstance).map(WarmsUp.class::cast)
        .map(BackgroundWarmUp::start);
    CommandLine cli = create(commands, requested, out, err, context);
    try {
      int code = cli.execute(args);
      if (code == ExitCode.INTERNAL_ERROR.code()) {
        warmUp.flatMap(BackgroundWarmUp::failure).ifPresent(cause -> explain(cause, err, context));
      }
      return code;
    } catch (LinkageError e) {
      // A class that cannot be loaded or initialised: a broken installation, reported like any internal error.
      failure(e, cli);
      warmUp.flatMap(BackgroundWarmUp::failure).ifPresent(cause -> explain(cause, err, context));
      return ExitCode.INTERNAL_ERROR.code();
    }
  }

  /**
   * The command named by the first argument, if any. Building a command's model is most of a short run's time
   * (reflection over every option of every command), so only that one is built; anything else (no command, an
   * option, {@code help}, an unknown name) builds them all, so help and suggestions list every command.
   */
  private static Optional<Object> requested(List<Object> commands, String[] args) {
    return args.length == 0 ? Optional.empty() : commands.stream()
        .filter(command -> !(command instanceof HelpCommand) && nameOf(command).equals(args[0]))
        .findFirst();
  }

  /** The configured command line: the requested command only, or every command when none is requested. */
  private static CommandLine create(List<Object> commands, Optional<Object> requested, PrintWriter out,
      PrintWriter err, CliContext context) {
    CommandLine cli = new CommandLine(new PioDataCommand(context));
    requested.ifPresentOrElse(cli::addSubcommand, () -> commands.forEach(cli::addSubcommand));
    // Commands first: the writers and handlers set below then apply to them too.
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(PioDataCli::usageError);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine));
    documentExitCodes(cli);
    return cli;
  }

  private static void explain(Throwable warmUpFailure, PrintWriter err, CliContext context) {
    err.println("pio-data: the start-up warm-up had failed before: " + warmUpFailure);
    if (context.env().isTrue("PIO_DATA_STACKTRACE")) {
      warmUpFailure.printStackTrace(err);
    }
    err.flush();
  }

  /** Adds the exit-code table to the help of the command and every subcommand. */
  private static void documentExitCodes(CommandLine cli) {
    cli.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.helpList());
    cli.getSubcommands().values().forEach(PioDataCli::documentExitCodes);
  }

  private static List<Object> allCommands() {
    List<Object> commands = new ArrayList<>(PioDataCommand.coreCommands());
    ServiceLoader.load(PioDataExtension.class).forEach(extension -> commands.addAll(extension.commands()));
    return commands;
  }

  private static String nameOf(Object command) {
    return command.getClass().getAnnotation(Command.class).name();
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("pio-data: " + e.getMessage());
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE.code();
  }

  private static int failure(Throwable e, CommandLine cli) {
    PrintWriter err = cli.getErr();
    ErrorMessages.Failure failure = ErrorMessages.of(e);
    if (failure.message() != null) {
      err.println("pio-data: " + failure.message());
    }
    if (CliContext.of(cli.getCommandSpec()).env().isTrue("PIO_DATA_STACKTRACE")) {
      e.printStackTrace(err);
    }
    err.flush();
    return failure.code().code();
  }

}
