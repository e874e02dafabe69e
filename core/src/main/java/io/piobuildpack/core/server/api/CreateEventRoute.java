package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.json.EventJsonReader;
import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.server.http.ApiRequest;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.RequestBodies;
import io.piobuildpack.core.server.http.Route;

/**
 * {@code POST /events.json}: authenticate (401), read and validate the body (415, 400 with PredictionIO's
 * message), admit (403) and store; 201 {@code {"eventId":"..."}} once committed.
 */
final class CreateEventRoute implements Route {

  private final RequestAuthentication authentication;
  private final EventJsonReader reader;
  private final EventIntake intake;

  CreateEventRoute(RequestAuthentication authentication, EventJsonReader reader, EventIntake intake) {
    this.authentication = authentication;
    this.reader = reader;
    this.intake = intake;
  }

  @Override
  public ApiResponse handle(ApiRequest request, String pathValue) {
    Caller caller = authentication.caller(request);
    byte[] body = RequestBodies.json(request);
    return intake.store(caller, reader.read(body));
  }
}
