package io.piobuildpack.buildpack.install.inventory;

/** The inventory file is malformed: names the file and the entry. A bug in the buildpack, not in the app. */
public final class InventoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A malformed inventory. */
  public InventoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
