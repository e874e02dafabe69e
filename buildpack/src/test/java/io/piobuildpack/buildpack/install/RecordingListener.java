package io.piobuildpack.buildpack.install;

import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records install events as short strings, for assertions. */
public final class RecordingListener implements InstallListener {

  private final List<String> events = new ArrayList<>();

  /** Every event so far. */
  public List<String> events() {
    return List.copyOf(events);
  }

  /** The events starting with a prefix. */
  public List<String> events(String prefix) {
    Predicate<String> match = e -> e.startsWith(prefix);
    return events.stream().filter(match).toList();
  }

  @Override
  public void note(String message) {
    events.add("note " + message);
  }

  @Override
  public void downloading(Artifact artifact, URI url) {
    events.add("downloading " + artifact.label() + " " + url);
  }

  @Override
  public void progress(Artifact artifact, long bytes, long totalBytes) {
    events.add("progress " + bytes + "/" + totalBytes);
  }

  @Override
  public void retrying(Artifact artifact, URI url, int failedAttempt, int attempts, String reason, Duration delay) {
    events.add("retrying " + failedAttempt + "/" + attempts + " " + reason);
  }

  @Override
  public void verified(Artifact artifact, Artifact.Verification kind, Checksum checksum) {
    events.add("verified " + kind + " " + checksum);
  }

  @Override
  public void unverified(Artifact artifact, URI url) {
    events.add("unverified " + url);
  }

  @Override
  public void fromCache(Artifact artifact, Path file) {
    events.add("fromCache " + artifact.label());
  }

  @Override
  public void cacheEntryDiscarded(Artifact artifact, Path file, String reason) {
    events.add("cacheEntryDiscarded " + reason);
  }

  @Override
  public void extracting(Artifact artifact, Path destination) {
    events.add("extracting " + artifact.label());
  }

  @Override
  public void installed(Artifact artifact, Path destination, String reason) {
    events.add("installed " + artifact.label() + ": " + reason);
  }

  @Override
  public void reused(Artifact artifact, Path destination) {
    events.add("reused " + artifact.label());
  }
}
