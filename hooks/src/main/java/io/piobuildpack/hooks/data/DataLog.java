package io.piobuildpack.hooks.data;

import java.io.PrintWriter;

/**
 * What the data load tells the person watching a release: its steps as lines, and hook scripts' output indented
 * seven spaces (Heroku's build-output style) so it reads as belonging to the step above.
 */
public final class DataLog {

  static final String INDENT = "       ";

  private final PrintWriter out;

  public DataLog(PrintWriter out) {
    this.out = out;
  }

  public void step(String message) {
    out.println(message);
    out.flush();
  }

  public void hookOutput(String line) {
    out.println(INDENT + line);
    out.flush();
  }
}
