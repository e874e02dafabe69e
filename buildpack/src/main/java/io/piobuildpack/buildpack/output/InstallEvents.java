package io.piobuildpack.buildpack.output;

import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.core.output.DeployLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The install machinery's listener onto the output events: {@link InstallListener} stays the install package's own
 * port (it speaks {@link Artifact} and {@link Checksum}, which {@code core} does not know), and this adapter turns
 * each call into the {@link DeployLog} event a front-end renders. Artifacts are named by
 * {@link Artifact#label()}, URLs pass through {@link Urls#forLog} (no user info, no query: a pre-signed URL is a
 * credential), and paths under {@code base} (the app or the layers directory) are shown relative to it.
 */
public final class InstallEvents implements InstallListener {

  private final DeployLog log;
  private final Path base;

  /**
   * @param log where the events go
   * @param base the directory install destinations are shown relative to (the app directory on Heroku, the
   *     layers directory on CNB); destinations outside it are shown as they are
   */
  public InstallEvents(DeployLog log, Path base) {
    this.log = log;
    this.base = base.toAbsolutePath().normalize();
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
  public void retrying(Artifact artifact, URI url, int failedAttempt, int attempts, String reason, Duration delay) {
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
    log.extracting(artifact.label(), shown(destination));
  }

  @Override
  public void installed(Artifact artifact, Path destination, String reason) {
    log.installed(artifact.label(), shown(destination), reason);
  }

  @Override
  public void reused(Artifact artifact, Path destination) {
    log.reused(artifact.label(), shown(destination));
  }

  private String shown(Path destination) {
    Path absolute = destination.toAbsolutePath().normalize();
    return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString()
        : destination.toString();
  }
}
