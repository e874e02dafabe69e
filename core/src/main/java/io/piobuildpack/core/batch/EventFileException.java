package io.piobuildpack.core.batch;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;

/** A batch event file that cannot be opened or read (missing, a directory, corrupt gzip, I/O error). */
public final class EventFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;

  public EventFileException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /**
   * {@code <file>: cannot read: <why>}, worded for people even when the I/O exception has no message (a gzip
   * stream cut in its header or trailer throws a bare {@link EOFException}).
   */
  static EventFileException cannotRead(String file, IOException e) {
    String why;
    if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e.getMessage() != null) {
      why = e.getMessage();
    } else if (e instanceof EOFException) {
      why = "unexpected end of gzip data (truncated file?)";
    } else {
      why = e.getClass().getSimpleName();
    }
    return new EventFileException(file, "cannot read: " + why, e);
  }

  /** The file's label ({@code <stdin>} for standard input). */
  public String file() {
    return file;
  }
}
