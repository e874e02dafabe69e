package io.piobuildpack.hooks.data;

/** A hook script exists but may not be executed; says how to fix it. */
public final class HookNotExecutableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public HookNotExecutableException(String hook) {
    super("'" + hook + "' is not executable. Make it executable and commit it: chmod +x " + hook);
  }
}
