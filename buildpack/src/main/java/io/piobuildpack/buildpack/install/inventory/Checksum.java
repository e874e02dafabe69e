package io.piobuildpack.buildpack.install.inventory;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A digest value: algorithm plus lower-case hex. Written {@code sha256:<hex>} as in libpak and heroku/buildpacks-jvm
 * inventories (https://github.com/heroku/buildpacks-jvm/blob/main/buildpacks/jvm/openjdk_inventory.toml).
 *
 * @param algorithm the digest algorithm
 * @param hex the digest, lower-case hex of exactly {@link ChecksumAlgorithm#hexLength()} digits
 */
public record Checksum(ChecksumAlgorithm algorithm, String hex) {

  /** Validates and normalises to lower case. */
  public Checksum {
    hex = hex.toLowerCase(Locale.ROOT);
    if (hex.length() != algorithm.hexLength() || !hex.chars().allMatch(Checksum::isHexDigit)) {
      throw new IllegalArgumentException(
          "a " + algorithm.label() + " checksum has " + algorithm.hexLength() + " hex digits, got \"" + hex + "\"");
    }
  }

  /**
   * Parses {@code <algorithm>:<hex>}; a bare 64-digit hex value means sha256 (as in libpak).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Checksum parse(String text) {
    String value = text.trim();
    int colon = value.indexOf(':');
    if (colon < 0) {
      if (value.length() == ChecksumAlgorithm.SHA256.hexLength()) {
        return new Checksum(ChecksumAlgorithm.SHA256, value);
      }
      throw new IllegalArgumentException("a checksum is written <algorithm>:<hex>, e.g. sha256:…, got \"" + text + "\"");
    }
    return new Checksum(ChecksumAlgorithm.fromLabel(value.substring(0, colon)), value.substring(colon + 1));
  }

  /** The checksum of a finished digest. */
  public static Checksum of(ChecksumAlgorithm algorithm, byte[] digest) {
    return new Checksum(algorithm, HexFormat.of().formatHex(digest));
  }

  /** A name usable as a file name: {@code sha256-<hex>}. */
  public String fileKey() {
    return algorithm.label() + "-" + hex;
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  @Override
  public String toString() {
    return algorithm.label() + ":" + hex;
  }
}
