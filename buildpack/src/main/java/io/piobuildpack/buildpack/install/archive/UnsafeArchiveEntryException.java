package io.piobuildpack.buildpack.install.archive;

import io.piobuildpack.buildpack.install.common.InstallException;

/**
 * An archive entry that would write outside the target directory or create something other than files,
 * directories and links inside it. Message: {@code <archive>: entry "<name>" <reason>; nothing was installed.}
 */
public final class UnsafeArchiveEntryException extends InstallException {

  private static final long serialVersionUID = 1L;

  private final String entry;

  /** The entry {@code entry} of {@code archive} is refused for {@code reason}. */
  public UnsafeArchiveEntryException(String archive, String entry, String reason) {
    super(archive + ": entry \"" + entry + "\" " + reason + "; nothing was installed.");
    this.entry = entry;
  }

  /** The refused entry's name as written in the archive. */
  public String entry() {
    return entry;
  }
}
