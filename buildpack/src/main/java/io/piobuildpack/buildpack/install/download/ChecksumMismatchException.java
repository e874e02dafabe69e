package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.common.InstallException;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import java.net.URI;

/**
 * The downloaded bytes do not match the expected checksum. The file has already been deleted when this is thrown.
 * Message: {@code Checksum mismatch for <artifact> from <url>: expected <algo:hex>, got <algo:hex>; the download
 * was deleted.}
 */
public final class ChecksumMismatchException extends InstallException {

  private static final long serialVersionUID = 1L;

  private final transient Checksum expected;
  private final transient Checksum actual;

  /** A mismatch for {@code artifact} downloaded from {@code url}. */
  public ChecksumMismatchException(Artifact artifact, URI url, Checksum expected, Checksum actual) {
    super("Checksum mismatch for " + artifact.label() + " from " + Urls.forLog(url) + ": expected " + expected + ", got " + actual
        + "; the download was deleted.");
    this.expected = expected;
    this.actual = actual;
  }

  /** The checksum the file should have had. */
  public Checksum expected() {
    return expected;
  }

  /** The checksum of the bytes received. */
  public Checksum actual() {
    return actual;
  }
}
