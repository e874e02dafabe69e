package io.piobuildpack.core.server.api;

import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.server.http.ApiRequest;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.JsonText;
import io.piobuildpack.core.server.http.Route;
import io.piobuildpack.core.server.stats.EventStats;
import java.util.Optional;

/**
 * {@code GET /stats.json}: the caller's app's counters when the server runs with {@code --stats} (PredictionIO
 * 0.13's layout; 0.14 never answered), else 404 with PredictionIO's hint.
 */
final class StatsRoute implements Route {

  static final String DISABLED = "To see stats, launch Event Server with --stats argument.";

  private final RequestAuthentication authentication;
  private final Optional<EventStats> stats;

  StatsRoute(RequestAuthentication authentication, Optional<EventStats> stats) {
    this.authentication = authentication;
    this.stats = stats;
  }

  @Override
  public ApiResponse handle(ApiRequest request, String pathValue) {
    Caller caller = authentication.caller(request);
    return stats.map(s -> ApiResponse.json(200, JsonText.of(s.snapshot(caller.appId()))))
        .orElseGet(() -> ApiResponse.message(404, DISABLED));
  }
}
