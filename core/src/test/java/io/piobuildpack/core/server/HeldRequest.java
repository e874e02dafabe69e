package io.piobuildpack.core.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A POST whose body is held back until the server's handler asks for it: the request is sent with
 * {@code Expect: 100-continue}, and Jetty answers {@code 100 Continue} only when the handler starts reading the
 * body. So once {@link #open} returns, the request is inside the server, not in a socket buffer.
 */
final class HeldRequest implements AutoCloseable {

  private final Socket socket;
  private final byte[] body;

  private HeldRequest(Socket socket, byte[] body) {
    this.socket = socket;
    this.body = body;
  }

  /**
   * Sends the head and waits (at most 10 s) for {@code 100 Continue}.
   *
   * @throws IOException when the server answers anything else or closes the connection
   */
  static HeldRequest open(URI server, String target, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST " + target + " HTTP/1.1\r\nHost: " + server.getHost() + ":"
          + server.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
          + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String interim = head(socket.getInputStream());
      if (!interim.startsWith("HTTP/1.1 100")) {
        throw new IOException("expected 100 Continue, got: " + interim);
      }
      return new HeldRequest(socket, body);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends the body and reads the final answer. */
  RawExchange finish() throws IOException {
    socket.getOutputStream().write(body);
    socket.getOutputStream().flush();
    return RawExchange.read(socket.getInputStream());
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Reads an interim answer up to its blank line. */
  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      byte[] sofar = head.toByteArray();
      int n = sofar.length;
      if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
        break;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
