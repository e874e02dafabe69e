package io.piobuildpack.core.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the bad lines of a batch file: every one is counted, the first {@code cap} are kept for reporting. */
public final class LineProblems {

  /** How many bad lines are reported one by one before the rest are only counted. */
  public static final int DEFAULT_CAP = 100;

  private final int cap;
  private final List<LineProblem> kept = new ArrayList<>();
  private long count;

  public LineProblems(int cap) {
    this.cap = cap;
  }

  public void add(LineProblem problem) {
    count++;
    if (kept.size() < cap) {
      kept.add(problem);
    }
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** All bad lines seen. */
  public long count() {
    return count;
  }

  /** The first bad lines, at most the cap. */
  public List<LineProblem> kept() {
    return Collections.unmodifiableList(kept);
  }

  /** Bad lines seen but not kept. */
  public long notKept() {
    return count - kept.size();
  }

  /** One line per kept problem, then {@code ... and N more bad lines} when some were not kept. */
  public List<String> describe(String fileLabel) {
    List<String> out = new ArrayList<>(kept.size() + 1);
    for (LineProblem problem : kept) {
      out.add(problem.describe(fileLabel));
    }
    if (notKept() > 0) {
      out.add(fileLabel + ": ... and " + notKept() + " more bad line" + (notKept() == 1 ? "" : "s"));
    }
    return out;
  }
}
