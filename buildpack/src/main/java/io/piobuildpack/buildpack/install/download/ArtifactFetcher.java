package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.common.InstallException;
import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Produces a verified local copy of an artifact: from the {@link DownloadCache} when a matching entry is there
 * (no request at all), else downloaded (from the {@link Mirror} when one is set, which replaces every origin) into a
 * temporary file beside the cache entry, digested while streaming, and moved into the cache only when the digest
 * matches.
 *
 * <p>The expected digest is the pinned one, or the one read from the artifact's published checksum file (fetched
 * from the same origin or mirror, remembered in the cache). An artifact without either (an override URL allowed
 * by {@code PIO_ALLOW_UNVERIFIED_DOWNLOADS=true}) is downloaded every time, reported through
 * {@link InstallListener#unverified}, and never cached.
 */
public final class ArtifactFetcher {

  private final HttpFetcher http;
  private final DownloadCache cache;
  private final Optional<Mirror> mirror;

  /** A fetcher over this HTTP client, cache and optional mirror. */
  public ArtifactFetcher(HttpFetcher http, DownloadCache cache, Optional<Mirror> mirror) {
    this.http = http;
    this.cache = cache;
    this.mirror = mirror;
  }

  /**
   * A verified local copy of {@code artifact}.
   *
   * @throws ChecksumMismatchException when the downloaded bytes do not match (the file is deleted)
   * @throws DownloadFailedException when the file (or its checksum file) cannot be downloaded
   * @throws InstallException when the published checksum file cannot be parsed or the cache cannot be written
   */
  public FetchedArtifact fetch(Artifact artifact, InstallListener listener) throws InstallException {
    Artifact.Verification kind = artifact.verification();
    if (kind == Artifact.Verification.UNVERIFIED) {
      return fetchUnverified(artifact, listener);
    }
    Checksum expected = kind == Artifact.Verification.PINNED
        ? artifact.checksum()
        : cache.published(artifact.checksumUrl()).orElse(null);
    if (expected != null) {
      Optional<FetchedArtifact> cached = fromCache(artifact, expected, kind, listener);
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    if (expected == null) {
      expected = fetchPublished(artifact, listener);
      Optional<FetchedArtifact> cached = fromCache(artifact, expected, kind, listener);
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    URI url = source(artifact.url(), artifact.fileName(), Optional.of(expected));
    Path temporary;
    try {
      temporary = cache.temporaryFor(expected, artifact.fileName());
    } catch (IOException e) {
      throw new InstallException("Cannot write to the download cache " + cache.directory() + ": " + e.getMessage(), e);
    }
    HttpFetcher.Result result = http.fetch(artifact, url, temporary, expected.algorithm(), listener);
    if (!result.checksum().equals(expected)) {
      HttpFetcher.deleteQuietly(temporary);
      throw new ChecksumMismatchException(artifact, url, expected, result.checksum());
    }
    try {
      Path file = cache.commit(temporary, expected, artifact.fileName());
      listener.verified(artifact, kind, expected);
      return new FetchedArtifact(artifact, file, expected, kind, url, false);
    } catch (IOException e) {
      HttpFetcher.deleteQuietly(temporary);
      throw new InstallException("Cannot write to the download cache " + cache.directory() + ": " + e.getMessage(), e);
    }
  }

  private Optional<FetchedArtifact> fromCache(Artifact artifact, Checksum expected, Artifact.Verification kind,
      InstallListener listener) {
    DownloadCache.Lookup lookup = cache.lookup(expected, artifact.fileName());
    if (lookup instanceof DownloadCache.Lookup.Hit hit) {
      listener.fromCache(artifact, hit.file());
      listener.verified(artifact, kind, expected);
      return Optional.of(new FetchedArtifact(artifact, hit.file(), expected, kind,
          source(artifact.url(), artifact.fileName(), Optional.of(expected)), false));
    }
    if (lookup instanceof DownloadCache.Lookup.Discarded discarded) {
      listener.cacheEntryDiscarded(artifact, discarded.file(), discarded.reason());
    }
    return Optional.empty();
  }

  private Checksum fetchPublished(Artifact artifact, InstallListener listener) throws InstallException {
    URI checksumUrl = artifact.checksumUrl();
    String checksumName = checksumUrl.getPath().substring(checksumUrl.getPath().lastIndexOf('/') + 1);
    URI url = source(checksumUrl, checksumName, Optional.empty());
    Path temporary = null;
    try {
      temporary = cache.checksumFileTemporary();
      http.fetch(artifact, url, temporary, ChecksumAlgorithm.SHA256, InstallListener.NONE);
      String content = Files.readString(temporary, StandardCharsets.UTF_8);
      Checksum checksum =
          ChecksumFileParser.parse(content, artifact.fileName(), artifact.checksumAlgorithm(), Urls.forLog(url));
      cache.rememberPublished(checksumUrl, checksum);
      listener.note("Read the published checksum of " + artifact.label() + " from " + Urls.forLog(url));
      return checksum;
    } catch (IllegalArgumentException e) {
      throw new InstallException("Cannot verify " + artifact.label() + ": " + e.getMessage() + ".", e);
    } catch (IOException e) {
      throw new InstallException("Cannot use the download cache " + cache.directory() + ": " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        HttpFetcher.deleteQuietly(temporary);
      }
    }
  }

  private FetchedArtifact fetchUnverified(Artifact artifact, InstallListener listener) throws InstallException {
    URI url = source(artifact.url(), artifact.fileName(), Optional.empty());
    listener.unverified(artifact, url);
    try {
      Path file = cache.unverifiedFile(artifact.fileName());
      HttpFetcher.Result result = http.fetch(artifact, url, file, ChecksumAlgorithm.SHA256, listener);
      return new FetchedArtifact(artifact, file, result.checksum(), Artifact.Verification.UNVERIFIED, url, true);
    } catch (IOException e) {
      throw new InstallException("Cannot write to the download cache " + cache.directory() + ": " + e.getMessage(), e);
    }
  }

  private URI source(URI origin, String fileName, Optional<Checksum> checksum) {
    return mirror.map(m -> m.locate(fileName, checksum)).orElse(origin);
  }
}
