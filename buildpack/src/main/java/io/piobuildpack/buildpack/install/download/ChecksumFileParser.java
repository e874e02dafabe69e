package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the checksum of one file from a published checksum file. Three formats are accepted:
 *
 * <ul>
 *   <li>coreutils ({@code sha512sum}, {@code shasum -a 512}): lines {@code <hex>  <name>} or {@code <hex> *<name>};
 *       the line for {@code fileName} is used (or the only line);
 *   <li>Apache's {@code gpg --print-md SHA512 <file>} (PredictionIO's PMC.md, Spark's release-build.sh): the file
 *       name, a colon, then upper-case hex in groups of four or eight, wrapped over several indented lines;
 *       whitespace and line breaks are dropped and case ignored;
 *   <li>a bare hex value (Maven Central's {@code .sha1}).
 * </ul>
 */
public final class ChecksumFileParser {

  private ChecksumFileParser() {}

  /**
   * The checksum of {@code fileName} in {@code content}.
   *
   * @param source the checksum file's URL, for messages
   * @throws IllegalArgumentException with a message naming the source when no value of the expected algorithm for
   *     that file is found
   */
  public static Checksum parse(String content, String fileName, ChecksumAlgorithm algorithm, String source) {
    String text = content.strip();
    int length = algorithm.hexLength();
    Pattern coreutils = Pattern.compile("^([0-9a-fA-F]{" + length + "})[ \\t]+\\*?(\\S.*?)\\s*$", Pattern.MULTILINE);
    Matcher lines = coreutils.matcher(text);
    String only = null;
    int count = 0;
    while (lines.find()) {
      count++;
      only = lines.group(1);
      if (baseName(lines.group(2)).equals(fileName)) {
        return new Checksum(algorithm, lines.group(1));
      }
    }
    if (count == 1) {
      return new Checksum(algorithm, only);
    }
    if (count > 1) {
      throw new IllegalArgumentException(source + " lists several files but not " + fileName);
    }
    int colon = text.indexOf(':');
    if (colon > 0) {
      String name = text.substring(0, colon).strip();
      String hex = text.substring(colon + 1).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
      if (hex.matches("[0-9a-f]{" + length + "}")) {
        if (!baseName(name).equals(fileName)) {
          throw new IllegalArgumentException(source + " is the checksum of " + name + ", not of " + fileName);
        }
        return new Checksum(algorithm, hex);
      }
    }
    String bare = text.replaceAll("\\s+", "");
    if (bare.matches("[0-9a-fA-F]{" + length + "}")) {
      return new Checksum(algorithm, bare);
    }
    throw new IllegalArgumentException(source + " holds no " + algorithm.label() + " checksum of " + fileName
        + " (expected \"<hex>  " + fileName + "\", \"" + fileName + ": <HEX GROUPS>\" or a bare hex value)");
  }

  private static String baseName(String name) {
    String trimmed = name.strip();
    int slash = trimmed.lastIndexOf('/');
    return slash < 0 ? trimmed : trimmed.substring(slash + 1);
  }
}
