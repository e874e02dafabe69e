package io.piobuildpack.buildpack.install;

import io.piobuildpack.buildpack.install.download.DownloadCache;
import io.piobuildpack.buildpack.install.download.DownloadSettings;
import io.piobuildpack.buildpack.install.download.HttpFetcher;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;

/** Artifacts and settings for tests. */
public final class TestArtifacts {

  private TestArtifacts() {}

  /** Fast settings: short timeouts, 3 attempts, 10 ms backoff. */
  public static DownloadSettings fastSettings() {
    return new DownloadSettings(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofMillis(10),
        Duration.ofSeconds(5), "pio-buildpack/test");
  }

  /** A fetcher with {@link #fastSettings()} and no proxy. */
  public static HttpFetcher fetcher() {
    return new HttpFetcher(fastSettings(), HttpClientNoProxy.INSTANCE);
  }

  /** The checksum of bytes. */
  public static Checksum sha256(byte[] bytes) {
    return Checksum.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA256.newDigest().digest(bytes));
  }

  /** The SHA-512 of bytes. */
  public static Checksum sha512(byte[] bytes) {
    return Checksum.of(ChecksumAlgorithm.SHA512, ChecksumAlgorithm.SHA512.newDigest().digest(bytes));
  }

  /** A pinned tar.gz artifact. */
  public static Artifact pinned(String name, String version, URI url, Checksum checksum, String strip) {
    return new Artifact(name, version, "any", "any", url, checksum, null, null, "tar.gz", strip, "test");
  }

  /** A tar.gz artifact verified by a published SHA-512 file. */
  public static Artifact published(String name, String version, URI url, URI checksumUrl, String strip) {
    return new Artifact(name, version, "any", "any", url, null, checksumUrl, ChecksumAlgorithm.SHA512, "tar.gz",
        strip, "test");
  }

  /** The cache's entry directory count, for "nothing left behind" checks. */
  public static DownloadCache cache(java.nio.file.Path dir) {
    return new DownloadCache(dir);
  }

  /** No proxy at all (the JDK default selector would read system properties). */
  static final class HttpClientNoProxy {
    static final ProxySelector INSTANCE = ProxySelector.of(null);

    private HttpClientNoProxy() {}
  }
}
