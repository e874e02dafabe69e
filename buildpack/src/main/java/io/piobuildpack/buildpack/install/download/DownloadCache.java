package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Downloaded files kept between builds, keyed by checksum, in a directory the front-end passes (Heroku's
 * {@code CACHE_DIR}, a CNB cache layer). Layout:
 *
 * <ul>
 *   <li>{@code <dir>/<algo>-<hex>/<file name>}: a verified file; a new download is written to a temporary file in
 *       the same directory and moved into place only after it matched;
 *   <li>{@code <dir>/published/<sha256 of the checksum file URL>}: the value read from a published checksum file,
 *       so a warm cache needs no request at all;
 *   <li>{@code <dir>/unverified/}: downloads explicitly allowed without a checksum, never reused.
 * </ul>
 *
 * <p>Every lookup re-hashes the file: a corrupt entry (disk error, partial copy, tampering) is detected, deleted
 * and reported, and the caller downloads it again.
 */
public final class DownloadCache {

  /**
   * How long a temporary download file may go unwritten before it counts as abandoned: four times Heroku's
   * 15-minute build limit (https://devcenter.heroku.com/articles/slug-compiler#time-limit), far longer than any
   * read timeout, so a download still running in another build is never touched.
   */
  public static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  private final Path dir;

  /** A cache rooted at {@code dir} (created when missing). */
  public DownloadCache(Path dir) {
    this.dir = dir;
  }

  /** The cache's root directory. */
  public Path directory() {
    return dir;
  }

  /** Where the verified file with this checksum and name lives. */
  public Path entry(Checksum checksum, String fileName) {
    return dir.resolve(checksum.fileKey()).resolve(fileName);
  }

  /** The outcome of a lookup. */
  public sealed interface Lookup {
    /** A verified entry. */
    record Hit(Path file) implements Lookup {}

    /** Nothing cached. */
    record Miss() implements Lookup {}

    /** An entry existed but did not match (or could not be read); it has been deleted. */
    record Discarded(Path file, String reason) implements Lookup {}
  }

  /** Looks up and re-hashes the entry for this checksum and name. */
  public Lookup lookup(Checksum checksum, String fileName) {
    Path file = entry(checksum, fileName);
    if (!Files.isRegularFile(file)) {
      return new Lookup.Miss();
    }
    String reason;
    try {
      Checksum actual = hash(file, checksum.algorithm());
      if (actual.equals(checksum)) {
        return new Lookup.Hit(file);
      }
      reason = "its " + checksum.algorithm().label() + " is " + actual.hex() + ", not " + checksum.hex();
    } catch (IOException e) {
      reason = "it cannot be read (" + e.getMessage() + ")";
    }
    HttpFetcher.deleteQuietly(file);
    return new Lookup.Discarded(file, reason);
  }

  /**
   * A new temporary file beside the entry for this checksum (its directory created). Temporary files of the same
   * entry left by a build that was killed while it downloaded (not written to for {@link #ABANDONED_AFTER}) are
   * deleted first, so killed builds do not pile partial archives up in the cache.
   */
  public Path temporaryFor(Checksum checksum, String fileName) throws IOException {
    Path entryDir = dir.resolve(checksum.fileKey());
    Files.createDirectories(entryDir);
    String prefix = "." + fileName + ".part-";
    deleteAbandoned(entryDir, prefix);
    return entryDir.resolve(prefix + UUID.randomUUID());
  }

  private static void deleteAbandoned(Path entryDir, String prefix) throws IOException {
    FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(entryDir, p -> p.getFileName().toString()
        .startsWith(prefix))) {
      for (Path part : parts) {
        if (Files.getLastModifiedTime(part, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
          HttpFetcher.deleteQuietly(part);
        }
      }
    }
  }

  /** Moves a verified temporary file into its entry, replacing any. */
  public Path commit(Path temporary, Checksum checksum, String fileName) throws IOException {
    Path target = entry(checksum, fileName);
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /** A new temporary file for an unverified download (never reused). */
  public Path unverifiedFile(String fileName) throws IOException {
    Path unverified = dir.resolve("unverified");
    Files.createDirectories(unverified);
    return unverified.resolve(UUID.randomUUID() + "-" + fileName);
  }

  /** A new temporary file for a checksum file download. */
  public Path checksumFileTemporary() throws IOException {
    Path published = dir.resolve("published");
    Files.createDirectories(published);
    return published.resolve(".download-" + UUID.randomUUID());
  }

  /** The checksum once read from this published checksum file URL, if recorded. */
  public Optional<Checksum> published(URI checksumUrl) {
    Path record = publishedRecord(checksumUrl);
    try {
      return Files.isRegularFile(record)
          ? Optional.of(Checksum.parse(Files.readString(record, StandardCharsets.UTF_8).lines().findFirst()
              .orElse("")))
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      HttpFetcher.deleteQuietly(record);
      return Optional.empty();
    }
  }

  /** Records the checksum read from a published checksum file (atomically). */
  public void rememberPublished(URI checksumUrl, Checksum checksum) throws IOException {
    Path record = publishedRecord(checksumUrl);
    Files.createDirectories(record.getParent());
    Path temporary = record.resolveSibling(record.getFileName() + ".tmp-" + UUID.randomUUID());
    Files.writeString(temporary, checksum + "\n" + checksumUrl + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private Path publishedRecord(URI checksumUrl) {
    MessageDigest digest = ChecksumAlgorithm.SHA256.newDigest();
    byte[] key = digest.digest(checksumUrl.toString().getBytes(StandardCharsets.UTF_8));
    return dir.resolve("published").resolve(Checksum.of(ChecksumAlgorithm.SHA256, key).hex());
  }

  /** The checksum of a file's bytes. */
  public static Checksum hash(Path file, ChecksumAlgorithm algorithm) throws IOException {
    MessageDigest digest = algorithm.newDigest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return Checksum.of(algorithm, digest.digest());
  }
}
