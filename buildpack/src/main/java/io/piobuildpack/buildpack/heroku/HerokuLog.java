package io.piobuildpack.buildpack.heroku;

import java.io.PrintStream;

/**
 * The build log the Heroku way (https://devcenter.heroku.com/articles/buildpack-api#style): topics start with
 * {@code -----> }, detail lines are indented by 7 spaces, warnings and errors start with {@code  !     } and go to
 * stderr. Never given a secret: callers pass names, paths, versions and URLs made safe with {@code Urls.forLog}.
 */
public final class HerokuLog {

  private static final String TOPIC = "-----> ";
  private static final String INDENT = "       ";
  private static final String ALERT = " !     ";

  private final PrintStream out;
  private final PrintStream err;

  /** A log on these streams (stdout and stderr of the phase). */
  public HerokuLog(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** A step: {@code -----> text}. */
  public void topic(String text) {
    out.println(TOPIC + text);
    out.flush();
  }

  /** A detail line under the current step, indented by 7 spaces (each line of a multi-line text). */
  public void info(String text) {
    for (String line : text.split("\n", -1)) {
      out.println(INDENT + line);
    }
    out.flush();
  }

  /** A warning on stderr: {@code  !     text}. */
  public void warning(String text) {
    alert(text);
  }

  /** An error on stderr: {@code  !     text}. */
  public void error(String text) {
    alert(text);
  }

  private void alert(String text) {
    out.flush();
    for (String line : text.split("\n", -1)) {
      err.println(ALERT + line);
    }
    err.flush();
  }
}
