package io.piobuildpack.core.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access-log line per request, {@code <remote> "<method> <path>?<query>" <status> <bytes> <ms>ms}, to the
 * SLF4J logger {@code io.piobuildpack.core.server.access}. The value of every {@code accessKey} parameter is
 * replaced by {@code ****}, and headers (where HTTP Basic carries the key) are never logged.
 */
final class MaskedRequestLog implements RequestLog {

  private static final Logger LOG = LoggerFactory.getLogger("io.piobuildpack.core.server.access");
  static final String MASK = "****";

  @Override
  public void log(Request request, Response response) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getHeadersNanoTime());
    String query = request.getHttpURI().getQuery();
    String target = request.getHttpURI().getPath() + (query == null ? "" : "?" + maskAccessKey(query));
    LOG.info("{} \"{} {}\" {} {} {}ms", Request.getRemoteAddr(request), request.getMethod(), target,
        response.getStatus(), Response.getContentBytesWritten(response), millis);
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
