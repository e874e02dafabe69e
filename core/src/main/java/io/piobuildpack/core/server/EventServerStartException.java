package io.piobuildpack.core.server;

/** The event server could not start, e.g. because the port is in use; carries the address. */
public final class EventServerStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ListenAddress address;

  public EventServerStartException(ListenAddress address, Throwable cause) {
    super("Cannot listen on " + address + ": " + rootMessage(cause), cause);
    this.address = address;
  }

  public ListenAddress address() {
    return address;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
