package io.piobuildpack.core.server.webhooks;

/** Turns a third-party JSON webhook payload into PredictionIO event JSON ({@code POST /webhooks/<name>.json}). */
public interface JsonConnector {

  /**
   * The event JSON for a payload.
   *
   * @throws ConnectorException when the payload is not one this connector understands
   */
  String toEventJson(String payload);
}
