package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.core.output.DeployLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The install library's listener onto the output events ({@link DeployLog}), for the CNB front-end: artifacts
 * by their label, URLs without user info or query ({@link Urls#forLog}).
 */
final class InstallEvents implements InstallListener {

  private final DeployLog log;

  InstallEvents(DeployLog log) {
    this.log = log;
  }

  @Override
  public void note(String message) {
    log.note(message);
  }

  @Override
  public void downloading(Artifact artifact, URI url) {
    log.downloading(artifact.label(), Urls.forLog(url));
  }

  @Override
  public void progress(Artifact artifact, long bytes, long totalBytes) {
    log.downloadProgress(artifact.label(), bytes, totalBytes);
  }

  @Override
  public void retrying(Artifact artifact, URI url, int failedAttempt, int attempts, String reason,
      Duration delay) {
    log.retrying(artifact.label(), failedAttempt, attempts, reason, delay);
  }

  @Override
  public void verified(Artifact artifact, Artifact.Verification kind, Checksum checksum) {
    log.verified(artifact.label(), kind.description(), checksum.toString());
  }

  @Override
  public void unverified(Artifact artifact, URI url) {
    log.unverified(artifact.label(), Urls.forLog(url));
  }

  @Override
  public void fromCache(Artifact artifact, Path file) {
    log.fromCache(artifact.label());
  }

  @Override
  public void cacheEntryDiscarded(Artifact artifact, Path file, String reason) {
    log.cacheEntryDiscarded(artifact.label(), reason);
  }

  @Override
  public void extracting(Artifact artifact, Path destination) {
    log.extracting(artifact.label(), destination.toString());
  }

  @Override
  public void installed(Artifact artifact, Path destination, String reason) {
    log.installed(artifact.label(), destination.toString(), reason);
  }

  @Override
  public void reused(Artifact artifact, Path destination) {
    log.reused(artifact.label(), destination.toString());
  }
}
