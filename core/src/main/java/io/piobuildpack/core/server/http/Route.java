package io.piobuildpack.core.server.http;

/** One route of the API: answers a request whose method and path matched. */
@FunctionalInterface
public interface Route {

  /**
   * Answers the request.
   *
   * @param pathValue the variable segment of a path template (the {@code <id>} of {@code /events/<id>.json}),
   *     or {@code null} for a fixed path
   */
  ApiResponse handle(ApiRequest request, String pathValue);
}
