package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.json.EventJsonReader;
import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.server.http.ApiRequest;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.RequestBodies;
import io.piobuildpack.core.server.webhooks.FormConnector;
import io.piobuildpack.core.server.webhooks.FormFields;
import io.piobuildpack.core.server.webhooks.JsonConnector;
import io.piobuildpack.core.server.webhooks.WebhookConnectors;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /webhooks/<name>.json} and {@code /webhooks/<name>.form}: {@code GET} answers 200 {@code Ok} when the
 * connector exists; {@code POST} converts the payload with the connector, validates the event like
 * {@code POST /events.json} and stores it (201). Unknown connector: 404. Connector and validation errors: 400
 * (PredictionIO: 500 for validation errors). The key's event whitelist applies (PredictionIO: not checked).
 */
final class WebhookRoutes {

  private final RequestAuthentication authentication;
  private final WebhookConnectors connectors;
  private final EventJsonReader reader;
  private final EventIntake intake;

  WebhookRoutes(RequestAuthentication authentication, WebhookConnectors connectors, EventJsonReader reader,
      EventIntake intake) {
    this.authentication = authentication;
    this.connectors = connectors;
    this.reader = reader;
    this.intake = intake;
  }

  ApiResponse postJson(ApiRequest request, String name) {
    Caller caller = authentication.caller(request);
    Optional<JsonConnector> connector = connectors.json(name);
    if (connector.isEmpty()) {
      return unsupported(name);
    }
    String payload = new String(RequestBodies.json(request), StandardCharsets.UTF_8);
    return store(caller, connector.get().toEventJson(payload));
  }

  ApiResponse postForm(ApiRequest request, String name) {
    Caller caller = authentication.caller(request);
    Optional<FormConnector> connector = connectors.form(name);
    if (connector.isEmpty()) {
      return unsupported(name);
    }
    String payload = RequestBodies.form(request);
    return store(caller, connector.get().toEventJson(FormFields.parse(payload)));
  }

  ApiResponse getJson(ApiRequest request, String name) {
    authentication.caller(request);
    return connectors.json(name).isPresent() ? ok() : unsupported(name);
  }

  ApiResponse getForm(ApiRequest request, String name) {
    authentication.caller(request);
    return connectors.form(name).isPresent() ? ok() : unsupported(name);
  }

  private ApiResponse store(Caller caller, String eventJson) {
    Event event = reader.read(eventJson);
    return intake.store(caller, event);
  }

  private static ApiResponse ok() {
    return ApiResponse.message(200, "Ok");
  }

  private static ApiResponse unsupported(String name) {
    return ApiResponse.message(404, "webhooks connection for " + name + " is not supported.");
  }
}
