package io.piobuildpack.core.server.webhooks;

/** A webhook payload that a connector cannot turn into an event; the message is returned with 400. */
public final class ConnectorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConnectorException(String message) {
    super(message);
  }
}
