package io.piobuildpack.core.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client for load generation, in the manner of {@code wrk}: each request goes out in
 * one write on a {@code TCP_NODELAY} socket and the response is read by {@code Content-Length}, so that the
 * client adds almost nothing to the measured latency. Not thread-safe: one per load thread.
 */
final class KeepAliveConnection implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String host;

  KeepAliveConnection(String host, int port) throws IOException {
    this.socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5000);
    socket.setSoTimeout(30_000);
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.host = host + ":" + port;
  }

  /** POSTs a JSON body and returns the status; the response body is read and dropped. */
  int post(String target, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    out.write(request);
    out.flush();
    return readResponse();
  }

  /** GETs a target and returns the status; the response body is read and dropped. */
  int get(String target) throws IOException {
    out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return readResponse();
  }

  private int readResponse() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    String header;
    while (!(header = line()).isEmpty()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      long size;
      while ((size = Long.parseLong(line().trim(), 16)) > 0) {
        skip(size);
        line();
      }
      line();
    } else if (length > 0) {
      skip(length);
    }
    return status;
  }

  private void skip(long count) throws IOException {
    long left = count;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in a response body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b < 0 && line.size() == 0) {
      throw new IOException("connection closed");
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
