package io.piobuildpack.buildpack.install.resolve;

import io.piobuildpack.buildpack.install.common.InstallException;

/**
 * The app asks (in {@code template.json} or {@code system.properties}) or a variable asks for a version the
 * buildpack does not install. The message names the file or variable, the version found, the supported versions
 * and the override variable.
 */
public final class UnsupportedVersionException extends InstallException {

  private static final long serialVersionUID = 1L;

  /** With the complete message. */
  public UnsupportedVersionException(String message) {
    super(message);
  }
}
