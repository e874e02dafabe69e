package io.piobuildpack.core.server.http;

import java.util.Map;

/**
 * A request the API refuses with a given status and PredictionIO-style {@code {"message": ...}} body, plus any
 * headers the status needs (e.g. {@code Allow} for 405, {@code Retry-After} for 503).
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, String> headers;

  public ApiException(int status, String message) {
    this(status, message, Map.of());
  }

  public ApiException(int status, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The response this refusal is sent as. */
  public ApiResponse toResponse() {
    return ApiResponse.message(status, getMessage()).withHeaders(headers);
  }
}
