package io.piobuildpack.core.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes lines the way PredictionIO's console does ({@code [INFO] [Pio$] ...}), because scripts split those
 * lines on whitespace and index the tokens (the original buildpack pulls the app id out of {@code ID: 7}).
 * Information goes to standard output; errors go to standard error (PredictionIO logs both to standard output).
 */
final class PioConsole {

  /** The logger names PredictionIO 0.11–0.14 prints, including the trailing {@code $} of Scala objects. */
  enum Logger {
    PIO("Pio$"), APP("App$"), ACCESS_KEY("AccessKey$"), MANAGEMENT("Management$"), STORAGE("Storage$"),
    IMPORT("FileToEvents$"), EXPORT("EventsToFile$");

    private final String name;

    Logger(String name) {
      this.name = name;
    }
  }

  private final PrintWriter out;
  private final PrintWriter err;

  PioConsole(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** The console of a command: its command line's writers. */
  static PioConsole of(CommandSpec spec) {
    return new PioConsole(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * An access key as shown outside {@code app new}, {@code accesskey new} and {@code accesskey list}: only its
   * last four characters, so logs never hold a usable key.
   */
  static String maskKey(String key) {
    return key.length() <= 4 ? "****" : "****" + key.substring(key.length() - 4);
  }

  void info(Logger logger, String message) {
    out.println("[INFO] [" + logger.name + "] " + message);
  }

  /** A warning on standard error ({@code [WARN] [Logger$] ...}), as PredictionIO's log4j prints one. */
  void warn(Logger logger, String message) {
    err.println("[WARN] [" + logger.name + "] " + message);
  }

  void error(Logger logger, String message) {
    err.println("[ERROR] [" + logger.name + "] " + message);
  }

  /** Prints a prompt without a line end, flushed so it shows before input is read. */
  void prompt(String text) {
    err.flush();
    out.print(text);
    out.flush();
  }

  void flush() {
    out.flush();
    err.flush();
  }

  /** Right-aligns text in a column of the given width, as Scala's {@code %20s}. */
  static String right(Object value, int width) {
    return String.format("%" + width + "s", value);
  }
}
