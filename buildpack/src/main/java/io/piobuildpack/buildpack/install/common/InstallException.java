package io.piobuildpack.buildpack.install.common;

/**
 * Base of every failure of the install machinery. The message is a complete sentence for the build log: it names
 * the artifact, URL, file, archive entry or variable concerned. Front-ends map subtypes to their exit codes.
 */
public class InstallException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure with its user-facing message. */
  public InstallException(String message) {
    super(message);
  }

  /** A failure with its user-facing message and the low-level cause. */
  public InstallException(String message, Throwable cause) {
    super(message, cause);
  }
}
