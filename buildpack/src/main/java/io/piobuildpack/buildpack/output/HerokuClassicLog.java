package io.piobuildpack.buildpack.output;

import java.io.PrintWriter;

/**
 * The output events in Heroku's classic build-output style, as the original heroku/predictionio-buildpack and
 * Heroku's own buildpacks print it (https://devcenter.heroku.com/articles/buildpack-api): a step is a
 * {@code -----> Topic} line, everything under it is indented seven spaces to align with the topic's text, and
 * warnings and errors are {@code  !     } lines on standard error. Every line is flushed at once, so the build log
 * streams.
 */
public final class HerokuClassicLog extends LayoutLog {

  /** The topic marker: five dashes, {@code >}, one space. */
  public static final String TOPIC = "-----> ";
  /** Seven spaces: detail lines align under a topic's text. */
  public static final String INDENT = "       ";
  /** The marker of warning and error lines: space, {@code !}, five spaces. */
  public static final String BANG = " !     ";

  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param out standard output (topics, details, hook output)
   * @param err standard error (warnings and errors)
   */
  public HerokuClassicLog(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  void heading(String text) {
    print(out, TOPIC + text);
  }

  @Override
  void topic(String text) {
    print(out, TOPIC + text);
  }

  @Override
  void detail(String text) {
    print(out, INDENT + text);
  }

  @Override
  void streamed(String line) {
    print(out, INDENT + line);
  }

  @Override
  void warn(String message) {
    bang("Warning: " + message);
  }

  @Override
  void fail(String message) {
    bang("Error: " + message);
  }

  private void bang(String message) {
    out.flush();
    for (String line : message.split("\n", -1)) {
      err.println(BANG + line);
    }
    err.flush();
  }

  private static void print(PrintWriter stream, String line) {
    stream.println(line);
    stream.flush();
  }
}
