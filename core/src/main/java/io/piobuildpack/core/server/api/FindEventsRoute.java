package io.piobuildpack.core.server.api;

import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.server.http.ApiRequest;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.Route;
import io.piobuildpack.core.store.EventQuery;

/**
 * {@code GET /events.json}: the caller's events matching the query parameters, by event time, as a JSON array;
 * 404 {@code {"message":"Not Found"}} when none match (as PredictionIO; clients rely on it). Results of up to
 * {@value #BUFFERED_EVENTS} events are read at once, releasing the database connection before the response is
 * sent; larger ones are streamed.
 */
final class FindEventsRoute implements Route {

  static final int BUFFERED_EVENTS = 1000;

  private final RequestAuthentication authentication;
  private final EventAccess access;

  FindEventsRoute(RequestAuthentication authentication, EventAccess access) {
    this.authentication = authentication;
    this.access = access;
  }

  @Override
  public ApiResponse handle(ApiRequest request, String pathValue) {
    Caller caller = authentication.caller(request);
    EventQuery query = EventQueryParameters.parse(request);
    EventAccess.FoundEvents found = access.find(caller, query, BUFFERED_EVENTS);
    if (found.isEmpty()) {
      return ApiResponse.message(404, "Not Found");
    }
    if (found.isComplete()) {
      return ApiResponse.json(200, EventArrayWriter.toJson(found.head()));
    }
    return ApiResponse.streaming(200, new EventArrayWriter(found.head(), found.rest(), found.open()));
  }
}
