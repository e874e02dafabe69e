package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.json.EventJsonWriter;
import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.server.http.ApiRequest;
import io.piobuildpack.core.server.http.ApiResponse;

/**
 * {@code GET} and {@code DELETE /events/<id>.json}, in the caller's app and channel only. A missing event is 404
 * {@code {"message":"Not Found"}} for both (PredictionIO's JDBC backend answered 200 {@code Found} to every
 * delete); the key's whitelist does not apply.
 */
final class EventByIdRoutes {

  private final RequestAuthentication authentication;
  private final EventAccess access;

  EventByIdRoutes(RequestAuthentication authentication, EventAccess access) {
    this.authentication = authentication;
    this.access = access;
  }

  ApiResponse get(ApiRequest request, String eventId) {
    Caller caller = authentication.caller(request);
    return access.get(caller, eventId)
        .map(event -> ApiResponse.json(200, EventJsonWriter.toJson(event)))
        .orElseGet(EventByIdRoutes::notFound);
  }

  ApiResponse delete(ApiRequest request, String eventId) {
    Caller caller = authentication.caller(request);
    return access.delete(caller, eventId) ? ApiResponse.message(200, "Found") : notFound();
  }

  private static ApiResponse notFound() {
    return ApiResponse.message(404, "Not Found");
  }
}
