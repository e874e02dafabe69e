package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.batch.BatchEventReader;
import io.piobuildpack.core.batch.BatchLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and parses a batch file on a thread of its own, a bounded number of chunks ahead, so that parsing JSON
 * overlaps writing to the database. Failures of the reader are rethrown by {@link #next()}.
 */
final class LinePrefetcher implements AutoCloseable {

  private static final int CHUNK = 512;
  private static final int CHUNKS_AHEAD = 32;

  /** A run of lines; the last chunk is marked, or carries the reader's failure. */
  private record Chunk(List<BatchLine> lines, boolean last, RuntimeException failure) {}

  private final BatchEventReader reader;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
  private final Thread thread;
  private Iterator<BatchLine> current = Collections.emptyIterator();
  private boolean finished;

  LinePrefetcher(BatchEventReader reader) {
    this.reader = reader;
    this.thread = new Thread(this::produce, "pio-import-reader");
    thread.setDaemon(true);
    thread.start();
  }

  String label() {
    return reader.label();
  }

  /** The next line, or {@code null} at the end of the file. */
  BatchLine next() {
    while (!current.hasNext()) {
      if (finished) {
        return null;
      }
      Chunk chunk = take();
      if (chunk.failure() != null) {
        finished = true;
        throw chunk.failure();
      }
      finished = chunk.last();
      current = chunk.lines().iterator();
    }
    return current.next();
  }

  /** Stops the reading thread (if still running) and waits for it, so the reader can be closed safely. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void produce() {
    try {
      List<BatchLine> lines = new ArrayList<>(CHUNK);
      for (BatchLine line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
        if (lines.size() == CHUNK) {
          queue.put(new Chunk(lines, false, null));
          lines = new ArrayList<>(CHUNK);
        }
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
      queue.put(new Chunk(lines, true, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      queue.offer(new Chunk(List.of(), true, e));
    }
  }

  private Chunk take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the batch file reader", e);
    }
  }
}
