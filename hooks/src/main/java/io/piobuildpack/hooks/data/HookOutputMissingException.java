package io.piobuildpack.hooks.data;

/** The initial-events hook ran but did not write the file it must produce (the original's exit 1). */
public final class HookOutputMissingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public HookOutputMissingException(String hook, String file) {
    super("Error loading event data: '" + hook + "' did not produce the required output file '" + file + "'.");
  }
}
