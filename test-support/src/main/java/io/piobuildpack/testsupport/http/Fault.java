package io.piobuildpack.testsupport.http;

/** What a {@link LoopbackFileServer} path does instead of (or before) serving its file normally. */
public sealed interface Fault {

  /** Answers 404 Not Found, whatever is served at the path. */
  static Fault notFound() {
    return new Status(404, Integer.MAX_VALUE);
  }

  /** Answers {@code status} to the first {@code times} requests, then serves the file. */
  static Fault statusThenSuccess(int status, int times) {
    return new Status(status, times);
  }

  /** Answers {@code status} to every request. */
  static Fault alwaysStatus(int status) {
    return new Status(status, Integer.MAX_VALUE);
  }

  /** Serves these bytes instead of the file (200, correct length for these bytes). */
  static Fault wrongBytes(byte[] body) {
    return new WrongBytes(body.clone());
  }

  /** Announces the file's full length, sends only the first {@code bytesSent} bytes, then closes the connection. */
  static Fault truncate(int bytesSent) {
    return new Truncate(bytesSent);
  }

  /** Sends headers and the first {@code afterBytes} bytes, then sends nothing more until the server closes. */
  static Fault stall(int afterBytes) {
    return new Stall(afterBytes);
  }

  /** Answers 302 with a {@code Location} header. */
  static Fault redirect(String location) {
    return new Redirect(302, location);
  }

  /** A status code for the first {@code times} requests. */
  record Status(int status, int times) implements Fault {}

  /** Other bytes than the file's. */
  record WrongBytes(byte[] body) implements Fault {}

  /** A body cut short. */
  record Truncate(int bytesSent) implements Fault {}

  /** A body that stops flowing. */
  record Stall(int afterBytes) implements Fault {}

  /** A redirect. */
  record Redirect(int status, String location) implements Fault {}
}
