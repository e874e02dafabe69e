package io.piobuildpack.core.batch;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Where a batch event file comes from: a path, or {@code -} for standard input. Gzip input is recognised by its
 * magic bytes, whatever the name.
 */
public final class EventFileSource {

  private static final String STDIN = "-";
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private final Path path;
  private final InputStream stdin;
  private final boolean newEventIds;

  private EventFileSource(Path path, InputStream stdin, boolean newEventIds) {
    this.path = path;
    this.stdin = stdin;
    this.newEventIds = newEventIds;
  }

  /**
   * The same file with its {@code eventId} values ignored, so that every event gets a new id when imported, as
   * PredictionIO 0.10's import did; for files whose ids the store cannot hold (for example the 43-character ids of
   * PredictionIO's HBase event store). Re-importing such a file is then no longer idempotent.
   */
  public EventFileSource withNewEventIds() {
    return new EventFileSource(path, stdin, true);
  }

  /** True when the file's {@code eventId} values are ignored ({@link #withNewEventIds()}). */
  public boolean newEventIds() {
    return newEventIds;
  }

  /** A path, or {@code -} for the process's standard input. */
  public static EventFileSource of(String pathOrDash) {
    return pathOrDash.equals(STDIN) ? ofStream(System.in) : ofPath(Path.of(pathOrDash));
  }

  public static EventFileSource ofPath(Path path) {
    return new EventFileSource(path, null, false);
  }

  /** A stream read as standard input (labelled {@code <stdin>}); it is not closed when the reader closes. */
  public static EventFileSource ofStream(InputStream in) {
    return new EventFileSource(null, in, false);
  }

  /** The name used in messages: the path as given, or {@code <stdin>}. */
  public String label() {
    return path == null ? "<stdin>" : path.toString();
  }

  /** The path, or {@code null} for standard input. */
  public Path path() {
    return path;
  }

  /**
   * Opens the content, decompressing gzip.
   *
   * @throws EventFileException when the file is missing, a directory, or unreadable
   */
  public InputStream open() {
    InputStream raw = null;
    try {
      raw = path == null ? new NonClosing(stdin) : openFile();
      BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
      return isGzip(buffered) ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
    } catch (IOException e) {
      EventFileException failure = EventFileException.cannotRead(label(), e);
      if (raw != null) {
        try {
          raw.close();
        } catch (IOException closing) {
          failure.addSuppressed(closing);
        }
      }
      throw failure;
    }
  }

  private InputStream openFile() throws IOException {
    if (Files.isDirectory(path)) {
      throw new EventFileException(label(), "is a directory, not an event file", null);
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new EventFileException(label(), "no such file", e);
    }
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
  }

  /** Keeps standard input open when a reader closes. */
  private static final class NonClosing extends FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // standard input belongs to the process
    }
  }
}
