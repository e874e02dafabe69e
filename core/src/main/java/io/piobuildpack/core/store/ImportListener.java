package io.piobuildpack.core.store;

/**
 * Hears about a long import while it runs, for example to draw progress on a terminal. Called on the importing
 * thread every {@link #INTERVAL_LINES} lines; an exception thrown here aborts the import, which then leaves the
 * store unchanged.
 */
@FunctionalInterface
public interface ImportListener {

  /** How often {@link #progress} is called. */
  int INTERVAL_LINES = 50_000;

  ImportListener NONE = progress -> { };

  void progress(ImportProgress progress);
}
