package io.piobuildpack.testsupport.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback-only HTTP/1.1 file server for tests: serves byte arrays or files under paths, counts requests, and can
 * be switched per path into a {@link Fault} (404, 5xx a number of times then success, wrong bytes, truncated body,
 * stall, latency, redirect). Binds {@code 127.0.0.1} on an ephemeral port; nothing ever leaves the machine.
 *
 * <p>It also answers requests sent to it as an HTTP proxy (request line with an absolute URI): the path of the
 * absolute URI selects the file, and {@link Request#target()} keeps the full target so a test can check that a
 * client honoured its proxy settings.
 *
 * <p>Not thread-confined: files and faults may be changed while requests run. Close it to release stalled requests.
 */
public final class LoopbackFileServer implements AutoCloseable {

  /** One request as received: method, request target as sent (absolute when proxied), and the User-Agent header. */
  public record Request(String method, String target, String path, String userAgent) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Content> contents = new ConcurrentHashMap<>();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private LoopbackFileServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on {@code 127.0.0.1} and an ephemeral port. */
  public static LoopbackFileServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-file-server");
        thread.setDaemon(true);
        return thread;
      });
      LoopbackFileServer files = new LoopbackFileServer(server, executor);
      server.createContext("/", files::handle);
      server.setExecutor(executor);
      server.start();
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
  }

  /** Serves {@code body} at {@code path} (leading slash added when missing) and returns its URL. */
  public URI serve(String path, byte[] body) {
    contents.put(normalise(path), new Content(body.clone(), null));
    return uri(path);
  }

  /** Serves the file's bytes at {@code path}, streamed from disk on each request, and returns its URL. */
  public URI serve(String path, Path file) {
    contents.put(normalise(path), new Content(null, file));
    return uri(path);
  }

  /** Switches a path into a fault; {@link #clearFault(String)} or another call replaces it. */
  public void fault(String path, Fault fault) {
    faults.put(normalise(path), fault);
  }

  /** Removes a path's fault: it is served normally again. */
  public void clearFault(String path) {
    faults.remove(normalise(path));
  }

  /** The URL of a path on this server. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + normalise(path));
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Requests received so far, over every path. */
  public int requestCount() {
    return requests.size();
  }

  /** Requests received so far for one path. */
  public int requestCount(String path) {
    AtomicInteger count = counts.get(normalise(path));
    return count == null ? 0 : count.get();
  }

  /** Every request received so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the request log and counts (files and faults stay). */
  public void resetCounts() {
    requests.clear();
    counts.clear();
  }

  /**
   * Releases stalled requests and stops the server. Stopping the JDK server waits up to a second for its dispatcher
   * thread, so that wait happens on a daemon thread instead of the caller's.
   */
  @Override
  public void close() {
    closing.countDown();
    Thread stopper = new Thread(() -> {
      server.stop(0);
      executor.shutdownNow();
    }, "loopback-file-server-stop");
    stopper.setDaemon(true);
    stopper.start();
  }

  private static String normalise(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI requested = exchange.getRequestURI();
      String path = requested.getRawPath();
      requests.add(new Request(exchange.getRequestMethod(), requested.toString(), path,
          exchange.getRequestHeaders().getFirst("User-Agent")));
      int attempt = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      try (InputStream in = exchange.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      Fault fault = faults.get(path);
      Content content = contents.get(path);
      if (fault instanceof Fault.Latency latency) {
        if (awaitClose(latency.delay())) {
          return;
        }
        fault = null;
      }
      if (fault instanceof Fault.Status status && attempt <= status.times()) {
        send(exchange, status.status(), ("status " + status.status() + "\n").getBytes());
        return;
      }
      if (fault instanceof Fault.Redirect redirect) {
        exchange.getResponseHeaders().add("Location", redirect.location());
        exchange.sendResponseHeaders(redirect.status(), -1);
        return;
      }
      if (content == null) {
        send(exchange, 404, "not found\n".getBytes());
        return;
      }
      byte[] body = content.bytes();
      if (body == null && fault != null) {
        body = Files.readAllBytes(content.file());
      }
      if (fault instanceof Fault.WrongBytes wrong) {
        body = wrong.body();
      }
      if (fault instanceof Fault.Truncate truncate) {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body, 0, Math.min(truncate.bytesSent(), body.length));
        exchange.getResponseBody().flush();
        // An exception out of the handler makes the JDK server close the connection: the body ends early.
        throw new IOException("truncated on purpose after " + truncate.bytesSent() + " bytes");
      }
      if (fault instanceof Fault.Stall stall) {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body, 0, Math.min(stall.afterBytes(), body.length));
        exchange.getResponseBody().flush();
        awaitClose();
        return;
      }
      if (body != null) {
        send(exchange, 200, body);
      } else {
        Headers headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, Files.size(content.file()));
        try (OutputStream out = exchange.getResponseBody()) {
          Files.copy(content.file(), out);
        }
      }
    }
  }

  private void awaitClose() {
    awaitClose(Duration.ofMinutes(5));
  }

  /** Waits up to {@code limit}; true when the server is closing (or the wait was interrupted). */
  private boolean awaitClose(Duration limit) {
    try {
      return closing.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Either bytes in memory or a file streamed from disk. */
  private record Content(byte[] bytes, Path file) {}
}
