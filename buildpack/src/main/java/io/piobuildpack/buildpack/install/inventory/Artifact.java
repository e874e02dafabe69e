package io.piobuildpack.buildpack.install.inventory;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One installable file of the inventory: what it is, where it comes from and how it is verified.
 *
 * <p>Exactly one of {@code checksum} (a pinned value) and {@code checksumUrl} (the checksum file its publisher puts
 * beside it, whose algorithm is {@code checksumAlgorithm}) is set, except for an override URL the user explicitly
 * allowed to be unverified (then both are empty and {@link #verification()} is {@link Verification#UNVERIFIED}).
 *
 * @param name what it is: {@code predictionio}, {@code spark}, {@code jdk}, {@code jre}, {@code postgresql-jdbc},
 *     {@code elasticsearch}, {@code elasticsearch-oss}, {@code hadoop-aws}, {@code aws-java-sdk}
 * @param version the upstream version string
 * @param os {@code linux} or {@code any}
 * @param arch {@code amd64}, {@code arm64} or {@code any}
 * @param url where it is downloaded from
 * @param checksum the pinned checksum, or {@code null}
 * @param checksumUrl the published checksum file, or {@code null}
 * @param checksumAlgorithm the algorithm of the published checksum file, or {@code null}
 * @param format {@code tar.gz} (extracted) or {@code jar} (copied as is)
 * @param strip the single top folder of the archive ({@code *}: whatever its name), or {@code null} for none
 * @param source where the checksum comes from (a comment for people; also shown by front-ends)
 */
public record Artifact(
    String name,
    String version,
    String os,
    String arch,
    URI url,
    Checksum checksum,
    URI checksumUrl,
    ChecksumAlgorithm checksumAlgorithm,
    String format,
    String strip,
    String source) {

  /** How an artifact's bytes are checked before use. */
  public enum Verification {
    /** Against a checksum pinned in the inventory (or given with an override URL). */
    PINNED("pinned checksum"),
    /** Against the checksum file its publisher serves beside it. */
    PUBLISHED_FILE("published checksum file"),
    /** Not at all: an override URL the user explicitly allowed without a checksum. */
    UNVERIFIED("UNVERIFIED");

    private final String description;

    Verification(String description) {
      this.description = description;
    }

    /** Words for the build log. */
    public String description() {
      return description;
    }
  }

  /** Checks the invariants described on the type. */
  public Artifact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    if (checksum != null && checksumUrl != null) {
      throw new IllegalArgumentException(name + " " + version + ": give checksum or checksumUrl, not both");
    }
    if (checksumUrl != null && checksumAlgorithm == null) {
      throw new IllegalArgumentException(name + " " + version + ": checksumUrl needs checksumAlgorithm");
    }
    if (!format.equals("tar.gz") && !format.equals("jar")) {
      throw new IllegalArgumentException(name + " " + version + ": format is tar.gz or jar, got " + format);
    }
  }

  /** How this artifact is verified. */
  public Verification verification() {
    if (checksum != null) {
      return Verification.PINNED;
    }
    return checksumUrl != null ? Verification.PUBLISHED_FILE : Verification.UNVERIFIED;
  }

  /** The pinned checksum, when there is one. */
  public Optional<Checksum> pinned() {
    return Optional.ofNullable(checksum);
  }

  /** The last path segment of the URL, e.g. {@code spark-2.4.8-bin-hadoop2.7.tgz}. */
  public String fileName() {
    String path = url.getPath();
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return last.isEmpty() ? name + "-" + version : last;
  }

  /** {@code name version} (plus os/arch when specific), for messages. */
  public String label() {
    return name + " " + version + (arch.equals("any") ? "" : " (" + os + "/" + arch + ")");
  }

  /** A copy downloaded from another URL, same verification. */
  public Artifact withUrl(URI other) {
    return new Artifact(name, version, os, arch, other, checksum, checksumUrl, checksumAlgorithm, format, strip,
        source);
  }
}
