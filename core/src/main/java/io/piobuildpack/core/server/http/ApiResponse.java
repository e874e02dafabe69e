package io.piobuildpack.core.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response of the Event API: a status, extra headers and a JSON body, either complete or written as it is
 * produced ({@link BodyWriter}). The content type is always {@value #CONTENT_TYPE}.
 */
public final class ApiResponse {

  /** The content type of every API response (the charset is explicit, as in PredictionIO up to 0.13). */
  public static final String CONTENT_TYPE = "application/json; charset=UTF-8";

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final BodyWriter writer;

  private ApiResponse(int status, Map<String, String> headers, byte[] body, BodyWriter writer) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.writer = writer;
  }

  /** A complete JSON body. */
  public static ApiResponse json(int status, String json) {
    return new ApiResponse(status, Map.of(), json.getBytes(StandardCharsets.UTF_8), null);
  }

  /** PredictionIO's error and status shape, {@code {"message":"..."}}. */
  public static ApiResponse message(int status, String message) {
    return json(status, JsonText.object("message", message));
  }

  /** A body written while the response is sent. */
  public static ApiResponse streaming(int status, BodyWriter writer) {
    return new ApiResponse(status, Map.of(), null, writer);
  }

  /** This response with headers added. */
  public ApiResponse withHeaders(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(extra);
    return new ApiResponse(status, merged, body, writer);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** True when the body is written by a {@link BodyWriter}. */
  public boolean isStreaming() {
    return writer != null;
  }

  /** The complete body; empty for a streaming response. */
  public byte[] body() {
    return body == null ? new byte[0] : body.clone();
  }

  /** The streaming body; {@code null} for a complete one. */
  public BodyWriter writer() {
    return writer;
  }

  /** The complete body as text (for tests and logs). */
  public String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }
}
