package io.piobuildpack.core.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange written byte for byte, for requests the JDK client refuses to send (a backslash in the
 * path, a malformed request line): sends the request with {@code Connection: close} and reads the answer to the
 * end of the stream.
 */
record RawExchange(int status, Map<String, String> headers, String body) {

  /** Sends {@code head} (request line and headers, without the final blank line) and {@code body}. */
  static RawExchange send(URI server, String head, byte[] body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request with no body to {@code target}, e.g. {@code GET /events/a%2Fb.json?accessKey=k}. */
  static RawExchange request(URI server, String method, String target) {
    return send(server, method + " " + target + " HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort(),
        new byte[0]);
  }

  /** Reads an answer to the end of the stream. */
  static RawExchange read(InputStream in) throws IOException {
    return parse(readAll(in));
  }

  /** A header value (case-insensitive name) or {@code null}. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    try {
      while ((read = in.read(buffer)) >= 0) {
        all.write(buffer, 0, read);
      }
    } catch (java.net.SocketException e) {
      // the server may reset after answering a request it refused to read
      if (all.size() == 0) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  private static RawExchange parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("no complete HTTP answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new RawExchange(status, headers, body);
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
