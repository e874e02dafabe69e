package io.piobuildpack.core.config;

import java.nio.file.Path;

/** A directory of variable files ({@link EnvDirVariables}) exists but cannot be listed; names the directory. */
public final class UnreadableEnvironmentDirectoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path directory;

  public UnreadableEnvironmentDirectoryException(Path directory, String reason) {
    super("the variable directory " + directory + " cannot be listed: " + reason);
    this.directory = directory;
  }

  /** The directory that cannot be listed. */
  public Path directory() {
    return directory;
  }
}
