package io.piobuildpack.buildpack.install.archive;

import io.piobuildpack.buildpack.install.common.InstallException;

/** An archive that cannot be read (not gzip, not tar, cut short) or whose layout is not the expected one. */
public final class ArchiveException extends InstallException {

  private static final long serialVersionUID = 1L;

  /** With the complete message naming the archive. */
  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
