package io.piobuildpack.core.server;

import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.JsonText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty itself answers before a route runs (malformed or ambiguous request lines and URIs, headers or
 * URIs too large, requests refused while shutting down or over the admission limit) in the API's
 * {@code {"message": ...}} shape with {@code Content-Type: application/json; charset=UTF-8}, for every method
 * (Jetty's own handler writes a body only for GET, POST and HEAD), without stack traces.
 */
final class JsonErrorHandler extends ErrorHandler {

  private static final String INTERNAL_ERROR = "Internal server error; see the server log.";

  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  /** Every method gets the JSON body, DELETE and PUT included. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    // a failure thrown out of a handler is logged by Jetty; its text (class names, driver details) stays there
    byte[] body = json(code, cause != null && code >= 500 ? INTERNAL_ERROR : message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static byte[] json(int code, String message) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    return JsonText.object("message", text).getBytes(StandardCharsets.UTF_8);
  }
}
