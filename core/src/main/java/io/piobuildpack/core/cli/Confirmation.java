package io.piobuildpack.core.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;

/**
 * PredictionIO's {@code Enter 'YES' to proceed:} prompt, asked only on a terminal. With {@code -f} it is not
 * asked; without a terminal and without {@code -f} the command refuses rather than waiting for input that
 * will never come (PredictionIO would block on standard input).
 */
final class Confirmation {

  private final PioConsole console;
  private final boolean interactive;
  private final InputStream stdin;

  Confirmation(PioConsole console, boolean interactive, InputStream stdin) {
    this.console = console;
    this.interactive = interactive;
    this.stdin = stdin;
  }

  /** Prompts when the command line's context says a person is at a terminal. */
  static Confirmation of(CommandSpec spec, PioConsole console) {
    CliContext context = CliContext.of(spec);
    return new Confirmation(console, context.interactive(), context.stdin());
  }

  /**
   * True when the user confirmed (or {@code force}); false when they answered anything but {@code YES}, after
   * printing PredictionIO's {@code Aborted.}.
   *
   * @throws CliException when confirmation is needed but there is no terminal to ask on
   */
  boolean confirm(boolean force) {
    if (force) {
      return true;
    }
    if (!interactive) {
      throw new CliException(ExitCode.USAGE,
          "confirmation required but standard input is not a terminal; add -f to proceed without asking");
    }
    console.prompt("Enter 'YES' to proceed: ");
    String answer = readLine();
    if ("YES".equals(answer)) {
      return true;
    }
    console.info(PioConsole.Logger.PIO, "Aborted.");
    return false;
  }

  private String readLine() {
    try {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
