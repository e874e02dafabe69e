package io.piobuildpack.core.server;

import io.piobuildpack.core.server.api.EventApi;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.BodyWriter;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Jetty handler of the event server: hands each request to the {@link EventApi} on a pool thread (storage
 * calls block) and writes its response, complete with {@code Content-Length} or streamed.
 */
final class JettyApiHandler extends Handler.Abstract {

  private final EventApi api;
  private final long maxBodyBytes;

  JettyApiHandler(EventApi api, long maxBodyBytes) {
    super(InvocationType.BLOCKING);
    this.api = api;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ApiResponse answer = api.handle(new JettyApiRequest(request, maxBodyBytes));
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.CONTENT_TYPE);
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      response.getHeaders().put(header.getKey(), header.getValue());
    }
    if (!answer.isStreaming()) {
      byte[] body = answer.body();
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
    try (BodyWriter writer = answer.writer()) {
      OutputStream out = Content.Sink.asOutputStream(response);
      writer.writeTo(out);
      out.close();
      callback.succeeded();
    } catch (Throwable e) {
      // the status line is already sent: all that can be done is to abort the response
      callback.failed(e);
    }
    return true;
  }
}
