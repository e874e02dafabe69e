package io.piobuildpack.buildpack.install.common;

import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the install machinery reports while it works. The library never prints: a front-end (Heroku's
 * {@code bin/compile}, the CNB {@code bin/build}) renders these events in its build log. Every method has an empty
 * default, so a front-end overrides only what it shows. Calls come from the installing thread, in order.
 *
 * <p>The install package's own port: front-ends pass {@code io.piobuildpack.buildpack.output.InstallEvents}, which
 * turns each call into the general output event ({@code io.piobuildpack.core.output.DeployLog}) that the Heroku
 * and CNB renderers print.
 */
public interface InstallListener {

  /** Reports nothing. */
  InstallListener NONE = new InstallListener() {};

  /** A decision the planner or installer made, one line (e.g. "installing the default PredictionIO"). */
  default void note(String message) {}

  /** A download starts (also each retry's start is preceded by {@link #retrying}). */
  default void downloading(Artifact artifact, URI url) {}

  /**
   * Bytes received so far; called at most every few seconds or every 10 % of {@code totalBytes}, and once at the end.
   *
   * @param totalBytes the announced length, or -1 when the server did not announce one
   */
  default void progress(Artifact artifact, long bytes, long totalBytes) {}

  /** A download attempt failed with a retryable error; the next starts after {@code delay}. */
  default void retrying(Artifact artifact, URI url, int failedAttempt, int attempts, String reason, Duration delay) {}

  /** The file's bytes match the expected checksum; {@code kind} says where the expected value came from. */
  default void verified(Artifact artifact, Artifact.Verification kind, Checksum checksum) {}

  /**
   * The artifact is used WITHOUT verification (an override URL with {@code PIO_ALLOW_UNVERIFIED_DOWNLOADS=true});
   * front-ends must show this as a warning.
   */
  default void unverified(Artifact artifact, URI url) {}

  /** The file was found in the download cache, re-hashed and matched: no request was made. */
  default void fromCache(Artifact artifact, Path file) {}

  /** A cache entry did not match its checksum (or was unreadable) and was deleted; it is downloaded again. */
  default void cacheEntryDiscarded(Artifact artifact, Path file, String reason) {}

  /** Extraction of an archive into a temporary directory beside {@code destination} starts. */
  default void extracting(Artifact artifact, Path destination) {}

  /** The artifact is in place at {@code destination}; {@code reason} says why it was (re)installed. */
  default void installed(Artifact artifact, Path destination, String reason) {}

  /** The install at {@code destination} is already this artifact: nothing was downloaded or changed. */
  default void reused(Artifact artifact, Path destination) {}
}
