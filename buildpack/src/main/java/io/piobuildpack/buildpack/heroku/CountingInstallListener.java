package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Passes every install event on (to the output events' adapter) and counts, for the build's summary line, what was
 * installed, kept unchanged, downloaded and taken from the download cache.
 */
final class CountingInstallListener implements InstallListener {

  private final InstallListener delegate;
  private int installed;
  private int reused;
  private int downloaded;
  private int fromCache;

  CountingInstallListener(InstallListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void note(String message) {
    delegate.note(message);
  }

  @Override
  public void downloading(Artifact artifact, URI url) {
    downloaded++;
    delegate.downloading(artifact, url);
  }

  @Override
  public void progress(Artifact artifact, long bytes, long totalBytes) {
    delegate.progress(artifact, bytes, totalBytes);
  }

  @Override
  public void retrying(Artifact artifact, URI url, int failedAttempt, int attempts, String reason, Duration delay) {
    delegate.retrying(artifact, url, failedAttempt, attempts, reason, delay);
  }

  @Override
  public void verified(Artifact artifact, Artifact.Verification kind, Checksum checksum) {
    delegate.verified(artifact, kind, checksum);
  }

  @Override
  public void unverified(Artifact artifact, URI url) {
    delegate.unverified(artifact, url);
  }

  @Override
  public void fromCache(Artifact artifact, Path file) {
    fromCache++;
    delegate.fromCache(artifact, file);
  }

  @Override
  public void cacheEntryDiscarded(Artifact artifact, Path file, String reason) {
    delegate.cacheEntryDiscarded(artifact, file, reason);
  }

  @Override
  public void extracting(Artifact artifact, Path destination) {
    delegate.extracting(artifact, destination);
  }

  @Override
  public void installed(Artifact artifact, Path destination, String reason) {
    installed++;
    delegate.installed(artifact, destination, reason);
  }

  @Override
  public void reused(Artifact artifact, Path destination) {
    reused++;
    delegate.reused(artifact, destination);
  }

  /** The summary: {@code N installed, N unchanged; N downloaded, N from the build cache}. */
  String summary() {
    return installed + " installed, " + reused + " unchanged; " + downloaded + " downloaded, " + fromCache
        + " from the build cache";
  }
}
