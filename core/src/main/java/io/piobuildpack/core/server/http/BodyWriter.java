package io.piobuildpack.core.server.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body written as it is produced (large query results). {@link #close()} is always called, also when
 * the body is never written because the client went away, so it can release what it holds.
 */
public interface BodyWriter extends AutoCloseable {

  void writeTo(OutputStream out) throws IOException;

  @Override
  void close();
}
