package io.piobuildpack.buildpack.install.inventory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Digest algorithms an inventory entry or a published checksum file may use. SHA-1 is accepted only because it is
 * all that was ever pinned or published for a few artifacts (Elasticsearch 5.x tarballs, Maven Central
 * {@code .sha1} files).
 */
public enum ChecksumAlgorithm {
  SHA1("sha1", "SHA-1", 40),
  SHA256("sha256", "SHA-256", 64),
  SHA512("sha512", "SHA-512", 128);

  private final String label;
  private final String jdkName;
  private final int hexLength;

  ChecksumAlgorithm(String label, String jdkName, int hexLength) {
    this.label = label;
    this.jdkName = jdkName;
    this.hexLength = hexLength;
  }

  /** The short name used in checksums ({@code sha256}). */
  public String label() {
    return label;
  }

  /** Number of hex digits of a digest. */
  public int hexLength() {
    return hexLength;
  }

  /** A new digest of this algorithm. */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jdkName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + jdkName, e);
    }
  }

  /**
   * The algorithm named {@code sha1}, {@code sha256} or {@code sha512} (also {@code SHA-256} and the like).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ChecksumAlgorithm fromLabel(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace("-", "");
    for (ChecksumAlgorithm algorithm : values()) {
      if (algorithm.label.equals(key)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException("unknown checksum algorithm \"" + name + "\" (use sha256, sha512 or sha1)");
  }
}
