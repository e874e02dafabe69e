package io.piobuildpack.core.server;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A request body sent in pieces with pauses, so that the request is still in flight for a while. */
final class SlowBody extends InputStream {

  private final byte[] bytes;
  private final int pieceSize;
  private final long pauseMillis;
  private int position;

  private SlowBody(String body, int pieces, Duration total) {
    this.bytes = body.getBytes(StandardCharsets.UTF_8);
    this.pieceSize = Math.max(1, (bytes.length + pieces - 1) / pieces);
    this.pauseMillis = total.toMillis() / pieces;
  }

  /** A publisher sending {@code body} in {@code pieces} over about {@code total}. */
  static HttpRequest.BodyPublisher of(String body, int pieces, Duration total) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new SlowBody(body, pieces, total));
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (position >= bytes.length) {
      return -1;
    }
    try {
      Thread.sleep(pauseMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
    int count = Math.min(Math.min(length, pieceSize), bytes.length - position);
    System.arraycopy(bytes, position, buffer, offset, count);
    position += count;
    return count;
  }
}
