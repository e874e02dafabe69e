package io.piobuildpack.it.process;

import java.time.Duration;
import java.util.List;

/**
 * One finished phase of a deployment ({@code detect}, {@code compile}, the {@code release} process...): what ran,
 * how it ended, what it printed.
 *
 * @param phase the phase's name as a platform calls it ({@code bin/compile}, {@code release process})
 * @param command the argument vector that ran
 * @param exitCode the process's exit code (128 + signal number when a signal ended it)
 * @param stdout everything written to standard output, UTF-8
 * @param stderr everything written to standard error, UTF-8
 * @param duration wall-clock time from start to exit
 */
public record PhaseResult(String phase, List<String> command, int exitCode, String stdout, String stderr,
    Duration duration) {

  public PhaseResult {
    command = List.copyOf(command);
  }

  /** Whether the phase exited 0. */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Standard output followed by standard error. */
  public String output() {
    return stdout + stderr;
  }

  @Override
  public String toString() {
    return phase + " exited " + exitCode + " in " + duration.toMillis() + " ms\n" + output();
  }
}
