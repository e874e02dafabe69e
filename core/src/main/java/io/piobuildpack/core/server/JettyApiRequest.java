package io.piobuildpack.core.server;

import io.piobuildpack.core.server.http.ApiException;
import io.piobuildpack.core.server.http.ApiRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/** A Jetty request seen as an {@link ApiRequest}; the body is read on demand, never beyond the size limit. */
final class JettyApiRequest implements ApiRequest {

  private final Request request;
  private final long maxBodyBytes;
  private Fields query;
  private byte[] body;

  JettyApiRequest(Request request, long maxBodyBytes) {
    this.request = request;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    String path = request.getHttpURI().getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  @Override
  public Optional<String> query(String name) {
    if (query == null) {
      try {
        query = Request.extractQueryParameters(request);
      } catch (RuntimeException e) {
        throw new ApiException(400, "The query string is not valid URL encoding.");
      }
    }
    Fields.Field field = query.get(name);
    return field == null ? Optional.empty() : Optional.of(field.getValue() == null ? "" : field.getValue());
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  @Override
  public byte[] body() {
    if (body == null) {
      body = read();
    }
    return body;
  }

  private byte[] read() {
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    try (InputStream in = Request.asInputStream(request)) {
      if (declared > maxBodyBytes) {
        throw tooLarge(in, declared);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (out.size() + (long) read > maxBodyBytes) {
          throw tooLarge(in, maxBodyBytes);
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * The answer to a body that broke off or is not valid HTTP (bad chunk sizes, fewer bytes than
   * {@code Content-Length}): a client error, 400 (or the status Jetty gave it), never a 500.
   */
  private static ApiException unreadable(IOException e) {
    for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        String reason = http.getReason() == null ? "" : ": " + http.getReason();
        return new ApiException(http.getCode(), "The request body is not valid HTTP" + reason + ".");
      }
    }
    return new ApiException(400, "The request body could not be read to its end.");
  }

  /**
   * The 413 refusal, after reading and dropping the rest of a body that is at most twice the limit: a client
   * still sending when the connection closes would see a reset instead of the 413. Larger bodies are not read.
   */
  private ApiException tooLarge(InputStream in, long expectedSize) throws IOException {
    if (expectedSize <= 2 * maxBodyBytes) {
      byte[] buffer = new byte[8192];
      long dropped = 0;
      int read;
      while (dropped <= 2 * maxBodyBytes && (read = in.read(buffer)) >= 0) {
        dropped += read;
      }
    }
    return tooLarge();
  }

  private ApiException tooLarge() {
    return new ApiException(413, "The request body is larger than the limit of " + maxBodyBytes + " bytes.");
  }
}
