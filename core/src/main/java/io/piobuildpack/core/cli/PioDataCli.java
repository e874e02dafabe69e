package io.piobuildpack.core.cli;

import io.piobuildpack.core.batch.EventFileException;
import java.io.PrintWriter;
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
    CommandLine cli = create(out, err);
    return cli.execute(args);
  }

  /** The configured command line, for tests and for modules that add subcommands. */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new PioDataCommand());
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
    ExitCode code;
    String message;
    if (e instanceof CliException known) {
      code = known.exitCode();
      message = known.getMessage();
    } else if (e instanceof EventFileException file) {
      code = ExitCode.INPUT_UNREADABLE;
      message = file.getMessage();
    } else {
      code = ExitCode.INTERNAL_ERROR;
      message = "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
          + "\nThis is a bug in pio-data; set PIO_DATA_STACKTRACE=true for details and report it.";
    }
    err.println("pio-data: " + message);
    if ("true".equals(System.getenv("PIO_DATA_STACKTRACE"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return code.code();
  }
}
