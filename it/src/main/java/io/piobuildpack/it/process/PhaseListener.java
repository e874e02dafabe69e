package io.piobuildpack.it.process;

/**
 * Follows phases while they run, for a person watching a long build: called when a phase starts and for every
 * complete line it writes (standard output and error, in the order the lines arrive), from the reading threads.
 * Implementations must be thread-safe.
 */
public interface PhaseListener {

  /** A listener that ignores everything (the phase's output is still in its {@link PhaseResult}). */
  PhaseListener NONE = new PhaseListener() {
    @Override
    public void started(String phase) {}

    @Override
    public void line(String phase, String line) {}
  };

  /** {@code phase} is about to start. */
  void started(String phase);

  /** {@code phase} wrote {@code line} (without its line terminator). */
  void line(String phase, String line);
}
