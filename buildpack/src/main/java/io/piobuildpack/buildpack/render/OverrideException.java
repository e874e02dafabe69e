package io.piobuildpack.buildpack.render;

import java.nio.file.Path;

/**
 * An app's override in {@code config/} that cannot be used: an ERB template of the original buildpack (no Ruby runs
 * any more), or two overrides for the same file. The message says what to rename.
 */
public class OverrideException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public OverrideException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /** The app's file at fault, relative to the app directory. */
  public Path file() {
    return file;
  }
}
