package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.common.InstallException;
import java.net.URI;

/**
 * A download did not produce a complete file: HTTP error status, connection failure, timeout or a cut body, after
 * the retries allowed. The message names the URL, how many attempts were made and the last reason.
 */
public final class DownloadFailedException extends InstallException {

  private static final long serialVersionUID = 1L;

  private final URI url;

  /** A failure of {@code url} with the complete message. */
  public DownloadFailedException(URI url, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
  }

  /** The URL that failed. */
  public URI url() {
    return url;
  }
}
