package io.piobuildpack.core.batch;

import io.piobuildpack.core.event.Event;

/**
 * A check of a valid event on one line of a batch file beyond PredictionIO's own validation (for example the
 * limits of the configured store), applied the same way by {@code validate} and {@code import}.
 */
@FunctionalInterface
public interface LineCheck {

  /** No further check. */
  LineCheck NONE = (line, event) -> null;

  /** The problem with the event on this line (1-based), or {@code null} when there is none. */
  LineProblem problem(long line, Event event);
}
