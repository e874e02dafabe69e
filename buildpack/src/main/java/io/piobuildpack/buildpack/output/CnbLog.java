package io.piobuildpack.buildpack.output;

import java.io.PrintWriter;

/**
 * The output events in the style of Cloud Native Buildpacks written by Heroku (heroku/buildpacks-jvm, its
 * {@code bullet_stream} output) and close to Paketo's: a {@code ## Name version} heading per buildpack, a
 * {@code - Step} line per step, {@code   - detail} lines under it, a child process's output indented six spaces,
 * and warnings and errors on standard error as a block whose every line starts with {@code ! } and whose first
 * line says {@code WARNING:} or {@code ERROR:}. The lifecycle shows both streams
 * (https://github.com/buildpacks/spec/blob/main/buildpack.md). Every line is flushed at once.
 */
public final class CnbLog extends LayoutLog {

  /** A step's bullet. */
  public static final String STEP = "- ";
  /** A detail's bullet, under a step. */
  public static final String DETAIL = "  - ";
  /** Six spaces before each line of a child process's output. */
  public static final String STREAM_INDENT = "      ";
  /** The marker of every warning and error line. */
  public static final String BANG = "! ";

  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param out standard output (headings, steps, details, hook output)
   * @param err standard error (warnings and errors)
   */
  public CnbLog(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  void heading(String text) {
    print(out, "");
    print(out, "## " + text);
    print(out, "");
  }

  @Override
  void topic(String text) {
    print(out, STEP + text);
  }

  @Override
  void detail(String text) {
    print(out, DETAIL + text);
  }

  @Override
  void streamed(String line) {
    print(out, STREAM_INDENT + line);
  }

  @Override
  void warn(String message) {
    bang("WARNING: " + message);
  }

  @Override
  void fail(String message) {
    bang("ERROR: " + message);
  }

  private void bang(String message) {
    out.flush();
    for (String line : message.split("\n", -1)) {
      err.println(line.isEmpty() ? "!" : BANG + line);
    }
    err.flush();
  }

  private static void print(PrintWriter stream, String line) {
    stream.println(line);
    stream.flush();
  }
}
