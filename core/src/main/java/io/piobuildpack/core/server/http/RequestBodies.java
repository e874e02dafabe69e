package io.piobuildpack.core.server.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads request bodies as the Event API's routes expect them, refusing what PredictionIO's HTTP layer refuses:
 * a wrong {@code Content-Type} (415) and an empty body (400), with spray's texts.
 */
public final class RequestBodies {

  public static final String JSON = "application/json";
  public static final String FORM = "application/x-www-form-urlencoded";

  static final String EMPTY_BODY = "Request entity expected but not supplied";

  private RequestBodies() {}

  /**
   * The body of a JSON route as UTF-8. A request without {@code Content-Type} is read as JSON; a body in another
   * declared charset is converted.
   *
   * @throws ApiException 415 for another content type, 400 for an empty body, 413 for a body over the limit
   */
  public static byte[] json(ApiRequest request) {
    Optional<MediaType> type = request.header("Content-Type").map(MediaType::parse);
    if (type.isPresent() && !type.get().essence().equals(JSON)) {
      throw unsupported(JSON);
    }
    byte[] body = nonEmpty(request);
    Charset charset = type.map(MediaType::charsetOrUtf8).orElse(StandardCharsets.UTF_8);
    return charset.equals(StandardCharsets.UTF_8) ? body
        : new String(body, charset).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The body of a form route ({@code application/x-www-form-urlencoded}), as text.
   *
   * @throws ApiException 415 for another or a missing content type, 400 for an empty body
   */
  public static String form(ApiRequest request) {
    MediaType type = request.header("Content-Type").map(MediaType::parse)
        .orElseThrow(() -> unsupported(FORM));
    if (!type.essence().equals(FORM)) {
      throw unsupported(FORM);
    }
    return new String(nonEmpty(request), type.charsetOrUtf8());
  }

  private static byte[] nonEmpty(ApiRequest request) {
    byte[] body = request.body();
    if (body.length == 0) {
      throw new ApiException(400, EMPTY_BODY);
    }
    return body;
  }

  private static ApiException unsupported(String expected) {
    return new ApiException(415, "There was a problem with the requests Content-Type:\nExpected '" + expected + "'");
  }
}
