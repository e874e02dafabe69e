package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.render.RenderListener;
import io.piobuildpack.buildpack.render.TemplateSource;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The build log in the style of Heroku's Cloud Native Buildpacks (libherokubuildpack): a {@code ## } header per
 * buildpack, {@code - } per step (a layer), {@code   - } for details, warnings prefixed {@code ! }. URLs are
 * printed without user info or query ({@link Urls#forLog}); values of variables are never printed.
 *
 * <p>Minimal on purpose: the front-ends' shared output-event renderer replaces it when it lands.
 */
public final class CnbOutput implements InstallListener, RenderListener {

  private final PrintStream out;

  /** A log on {@code out} (the lifecycle shows the buildpack's stdout and stderr). */
  public CnbOutput(PrintStream out) {
    this.out = out;
  }

  /** {@code ## <title>}. */
  public void header(String title) {
    out.println();
    out.println("## " + title);
    out.println();
  }

  /** {@code - <step>}. */
  public void step(String text) {
    out.println("- " + text);
  }

  /** {@code   - <detail>}. */
  public void detail(String text) {
    out.println("  - " + text);
  }

  /** {@code ! <warning>}, on its own lines. */
  public void warning(String text) {
    out.println();
    out.println("! " + text);
    out.println();
  }

  @Override
  public void note(String message) {
    detail(message);
  }

  @Override
  public void downloading(Artifact artifact, URI url) {
    detail("Downloading " + artifact.label() + " from " + Urls.forLog(url));
  }

  @Override
  public void progress(Artifact artifact, long bytes, long totalBytes) {
    if (totalBytes > 0) {
      detail(artifact.name() + ": " + (bytes * 100 / totalBytes) + "% of " + totalBytes / 1024 + " KiB");
    }
  }

  @Override
  public void retrying(Artifact artifact, URI url, int failedAttempt, int attempts, String reason,
      Duration delay) {
    detail("Attempt " + failedAttempt + " of " + attempts + " failed (" + reason + "); retrying in "
        + delay.toMillis() + " ms");
  }

  @Override
  public void verified(Artifact artifact, Artifact.Verification kind, Checksum checksum) {
    detail("Verified " + artifact.label() + " (" + kind.description() + " " + checksum + ")");
  }

  @Override
  public void unverified(Artifact artifact, URI url) {
    warning(artifact.label() + " from " + Urls.forLog(url)
        + " is UNVERIFIED (no checksum; PIO_ALLOW_UNVERIFIED_DOWNLOADS=true). It is never cached or reused.");
  }

  @Override
  public void fromCache(Artifact artifact, Path file) {
    detail("Using the cached download of " + artifact.label());
  }

  @Override
  public void cacheEntryDiscarded(Artifact artifact, Path file, String reason) {
    detail("Discarded the cached download of " + artifact.label() + ": " + reason);
  }

  @Override
  public void extracting(Artifact artifact, Path destination) {
    detail("Extracting " + artifact.fileName());
  }

  @Override
  public void written(Path file, TemplateSource source) {
    detail("Wrote " + file + " (" + source.name() + ")");
  }

  @Override
  public void renderedAtStart(Path file, TemplateSource source) {
    detail(file + " is rendered at every start (" + source.name() + ")");
  }

  @Override
  public void erbIgnored(Path erbFile, TemplateSource used) {
    warning(erbFile + " is ignored (an ERB template of the original buildpack); using " + used.name());
  }
}
