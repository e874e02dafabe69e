package io.piobuildpack.core.batch;

/** A batch event file that cannot be opened or read (missing, a directory, corrupt gzip, I/O error). */
public final class EventFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;

  public EventFileException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file's label ({@code <stdin>} for standard input). */
  public String file() {
    return file;
  }
}
