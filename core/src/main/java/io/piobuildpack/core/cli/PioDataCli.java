package io.piobuildpack.core.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;

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
    CommandLine cli = create(out, err, context);
    return cli.execute(args);
  }

  /** The configured command line, for tests and for modules that add subcommands. */
  public static CommandLine create(PrintWriter out, PrintWriter err, CliContext context) {
    CommandLine cli = new CommandLine(new PioDataCommand(context));
    // Extensions first: the writers and handlers set below then apply to their commands too.
    ServiceLoader.load(PioDataExtension.class).forEach(extension -> extension.register(cli));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(PioDataCli::usageError);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine));
    documentExitCodes(cli);
    return cli;
  }

  /** Adds the exit-code table to the help of the command and every subcommand, including ones added later. */
  public static void documentExitCodes(CommandLine cli) {
    cli.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.helpList());
    cli.getSubcommands().values().forEach(PioDataCli::documentExitCodes);
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println("pio-data: " + e.getMessage());
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCode.USAGE.code();
  }

  private static int failure(Exception e, CommandLine cli) {
    PrintWriter err = cli.getErr();
    ErrorMessages.Failure failure = ErrorMessages.of(e);
    if (failure.message() != null) {
      err.println("pio-data: " + failure.message());
    }
    if ("true".equals(CliContext.of(cli.getCommandSpec()).env().get("PIO_DATA_STACKTRACE"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return failure.code().code();
  }

}
