package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the install machinery's events in the Heroku style and counts, for the build's summary line, what was
 * installed, reused unchanged, taken from the download cache and downloaded.
 */
final class HerokuInstallListener implements InstallListener {

  private final HerokuLog log;
  private final Path appDir;
  private final List<String> installed = new ArrayList<>();
  private int reused;
  private int downloaded;
  private int fromCache;
  private long lastProgressPercent = -1;

  HerokuInstallListener(HerokuLog log, Path appDir) {
    this.log = log;
    this.appDir = appDir.toAbsolutePath().normalize();
  }

  @Override
  public void note(String message) {
    log.info(message);
  }

  @Override
  public void downloading(Artifact artifact, URI url) {
    downloaded++;
    lastProgressPercent = -1;
    log.info("Downloading " + artifact.label() + " from " + Urls.forLog(url));
  }

  @Override
  public void progress(Artifact artifact, long bytes, long totalBytes) {
    if (totalBytes > 0) {
      long percent = bytes * 100 / totalBytes;
      if (percent / 25 != lastProgressPercent / 25 || bytes == totalBytes) {
        lastProgressPercent = percent;
        log.info(String.format("  %d%% of %.1f MB", percent, totalBytes / 1e6));
      }
    }
  }

  @Override
  public void retrying(Artifact artifact, URI url, int failedAttempt, int attempts, String reason, Duration delay) {
    log.warning("Download of " + artifact.label() + " failed (attempt " + failedAttempt + " of " + attempts + ": "
        + reason + "); retrying in " + delay.toMillis() + " ms");
  }

  @Override
  public void verified(Artifact artifact, Artifact.Verification kind, Checksum checksum) {
    log.info("Verified " + artifact.label() + " (" + kind.description() + ", " + checksum + ")");
  }

  @Override
  public void unverified(Artifact artifact, URI url) {
    log.warning(artifact.label() + " from " + Urls.forLog(url) + " is UNVERIFIED: no checksum was given "
        + "(PIO_ALLOW_UNVERIFIED_DOWNLOADS=true).");
  }

  @Override
  public void fromCache(Artifact artifact, Path file) {
    fromCache++;
    log.info("Using " + artifact.label() + " from the build cache");
  }

  @Override
  public void cacheEntryDiscarded(Artifact artifact, Path file, String reason) {
    log.warning("Discarded the cached " + artifact.label() + " (" + reason + "); downloading it again");
  }

  @Override
  public void installed(Artifact artifact, Path destination, String reason) {
    installed.add(artifact.label());
    log.info("Installed " + artifact.label() + " in " + relative(destination) + " (" + reason + ")");
  }

  @Override
  public void reused(Artifact artifact, Path destination) {
    reused++;
    log.info("Kept " + artifact.label() + " in " + relative(destination) + " (unchanged)");
  }

  private String relative(Path destination) {
    Path abs = destination.toAbsolutePath().normalize();
    return abs.startsWith(appDir) ? appDir.relativize(abs).toString() : abs.toString();
  }

  /** Artifacts installed (not reused) in this build. */
  int installedCount() {
    return installed.size();
  }

  /** Artifacts whose install was kept unchanged. */
  int reusedCount() {
    return reused;
  }

  /** Download requests started (retries not counted). */
  int downloadedCount() {
    return downloaded;
  }

  /** Files taken from the download cache. */
  int fromCacheCount() {
    return fromCache;
  }
}
