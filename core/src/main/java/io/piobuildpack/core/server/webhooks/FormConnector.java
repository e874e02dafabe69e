package io.piobuildpack.core.server.webhooks;

import java.util.Map;

/** Turns a third-party form webhook payload into PredictionIO event JSON ({@code POST /webhooks/<name>.form}). */
public interface FormConnector {

  /**
   * The event JSON for the form fields.
   *
   * @throws ConnectorException when the fields are not ones this connector understands
   */
  String toEventJson(Map<String, String> fields);
}
