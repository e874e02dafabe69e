package io.piobuildpack.buildpack.install.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;

/**
 * The decompressed bytes of a gzip stream, inflated by a second thread ahead of the reader, as {@code tar -xzf} runs
 * {@code gzip -d} in a second process: inflating and writing files overlap. Chunks of 1 MiB, at most 8 in flight.
 * Errors of the inflating thread (not gzip, cut short) surface on the reader's next {@link #read} with the same
 * message. {@link #close()} stops the inflating thread.
 */
final class PipelinedGunzip extends InputStream {

  private static final int CHUNK = 1 << 20;
  private static final int IN_FLIGHT = 8;
  private static final int BUFFER = 1 << 16;

  /** A chunk of bytes, the end, or a failure. */
  private record Chunk(byte[] bytes, int length, IOException failure) {}

  private static final Chunk END = new Chunk(new byte[0], -1, null);

  private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
  private final Thread inflater;
  private Chunk current;
  private int position;
  private boolean ended;

  PipelinedGunzip(InputStream compressed) {
    inflater = new Thread(() -> inflate(compressed), "gunzip");
    inflater.setDaemon(true);
    inflater.start();
  }

  private void inflate(InputStream compressed) {
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(compressed, BUFFER), BUFFER)) {
      while (true) {
        byte[] bytes = spare.poll();
        if (bytes == null) {
          bytes = new byte[CHUNK];
        }
        int length = 0;
        int n;
        while (length < CHUNK && (n = in.read(bytes, length, CHUNK - length)) > 0) {
          length += n;
        }
        if (length > 0) {
          chunks.put(new Chunk(bytes, length, null));
        }
        if (length < CHUNK) {
          chunks.put(END);
          return;
        }
      }
    } catch (IOException e) {
      try {
        chunks.put(new Chunk(null, -1, e));
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean fill() throws IOException {
    if (ended) {
      return false;
    }
    if (current != null && position < current.length()) {
      return true;
    }
    if (current != null && current.bytes() != null) {
      spare.offer(current.bytes());
    }
    try {
      current = chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while extracting", e);
    }
    position = 0;
    if (current.failure() != null) {
      ended = true;
      throw new IOException(current.failure().getMessage(), current.failure());
    }
    if (current == END) {
      ended = true;
      return false;
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    return fill() ? current.bytes()[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, current.length() - position);
    System.arraycopy(current.bytes(), position, target, offset, n);
    position += n;
    return n;
  }

  @Override
  public void close() {
    ended = true;
    inflater.interrupt();
    chunks.clear();
  }
}
