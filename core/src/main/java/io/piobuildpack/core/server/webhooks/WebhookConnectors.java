package io.piobuildpack.core.server.webhooks;

import java.util.Map;
import java.util.Optional;

/** The webhook connectors PredictionIO ships, by name: {@code segmentio} (JSON) and {@code mailchimp} (form). */
public final class WebhookConnectors {

  private final Map<String, JsonConnector> json;
  private final Map<String, FormConnector> form;

  public WebhookConnectors(Map<String, JsonConnector> json, Map<String, FormConnector> form) {
    this.json = Map.copyOf(json);
    this.form = Map.copyOf(form);
  }

  /** PredictionIO's connectors. */
  public static WebhookConnectors standard() {
    return new WebhookConnectors(Map.of("segmentio", new SegmentIoConnector()),
        Map.of("mailchimp", new MailChimpConnector()));
  }

  public Optional<JsonConnector> json(String name) {
    return Optional.ofNullable(json.get(name));
  }

  public Optional<FormConnector> form(String name) {
    return Optional.ofNullable(form.get(name));
  }
}
