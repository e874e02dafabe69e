package io.piobuildpack.testsupport.http;

import java.time.Duration;

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

  /**
   * Waits {@code delay} before answering, then serves the file normally: a slow link or a distant mirror, for a
   * test that measures what a download costs (the test files are a few KiB, a real download takes seconds).
   *
   * @throws IllegalArgumentException when {@code delay} is negative
   */
  static Fault latency(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a latency cannot be negative: " + delay);
    }
    return new Latency(delay);
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

  /** A delay before a normal answer. */
  record Latency(Duration delay) implements Fault {}

  /** A redirect. */
  record Redirect(int status, String location) implements Fault {}
}
