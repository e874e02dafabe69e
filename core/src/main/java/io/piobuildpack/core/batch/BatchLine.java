package io.piobuildpack.core.batch;

import io.piobuildpack.core.event.Event;

/** One non-blank line of a batch file: the event it holds, or the problem that makes it a bad line. */
public record BatchLine(long lineNumber, Event event, LineProblem problem) {

  public boolean isValid() {
    return event != null;
  }
}
