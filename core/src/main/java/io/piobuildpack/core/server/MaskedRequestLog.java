package io.piobuildpack.core.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request, {@code <remote> "<method> <path>?<query>" <status> <bytes> <ms>ms}, to the
 * SLF4J logger {@code io.piobuildpack.core.server.access}. The value of every {@code accessKey} parameter is
 * replaced by {@code ****}, and headers (where HTTP Basic carries the key) are never logged.
 *
 * <p>Lines are written by one background thread, so request threads never wait on (or contend for) standard
 * error; when the writer falls more than {@value #QUEUE_CAPACITY} lines behind, lines are dropped and counted
 * rather than slowing requests. Started and stopped with the Jetty server, which drains the queue on stop.
 */
final class MaskedRequestLog extends AbstractLifeCycle implements RequestLog {

  private static final Logger LOG = LoggerFactory.getLogger("io.piobuildpack.core.server.access");
  static final String MASK = "****";
  private static final int QUEUE_CAPACITY = 10_000;
  /** The end-of-log marker, compared by identity so that no logged line can be mistaken for it. */
  private static final String STOP = new String("stop");

  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private Thread writer;

  @Override
  public void log(Request request, Response response) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getHeadersNanoTime());
    String query = request.getHttpURI().getQuery();
    String target = request.getHttpURI().getPath() + (query == null ? "" : "?" + maskAccessKey(query));
    String line = Request.getRemoteAddr(request) + " \"" + request.getMethod() + " " + target + "\" "
        + response.getStatus() + " " + Response.getContentBytesWritten(response) + " " + millis + "ms";
    if (!lines.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  @Override
  protected void doStart() {
    writer = new Thread(this::writeLines, "eventserver-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  protected void doStop() throws InterruptedException {
    lines.put(STOP);
    writer.join(TimeUnit.SECONDS.toMillis(5));
  }

  private void writeLines() {
    try {
      for (String line = lines.take(); line != STOP; line = lines.take()) {
        LOG.info(line);
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
          LOG.warn("{} access-log lines dropped: the log could not keep up", lost);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The raw query with the value of each {@code accessKey} parameter (however encoded) masked. */
  static String maskAccessKey(String rawQuery) {
    String[] pairs = rawQuery.split("&", -1);
    StringBuilder masked = new StringBuilder(rawQuery.length());
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      masked.append(i == 0 ? "" : "&");
      masked.append(isAccessKey(name) ? name + "=" + MASK : pair);
    }
    return masked.toString();
  }

  private static boolean isAccessKey(String rawName) {
    try {
      return URLDecoder.decode(rawName, StandardCharsets.UTF_8).equalsIgnoreCase("accessKey");
    } catch (IllegalArgumentException e) {
      return rawName.toLowerCase(Locale.ROOT).contains("accesskey");
    }
  }
}
