package io.piobuildpack.hooks.data;

/** A hook script ran and exited non-zero; its code becomes the load's code (3 keeps meaning "retry later"). */
public final class HookFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hook;
  private final int exitCode;

  public HookFailedException(String hook, int exitCode) {
    super("'" + hook + "' failed with exit code " + exitCode + (exitCode == 3 ? " (transient: retry later)" : ""));
    this.hook = hook;
    this.exitCode = exitCode;
  }

  public String hook() {
    return hook;
  }

  public int exitCode() {
    return exitCode;
  }
}
