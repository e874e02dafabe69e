package io.piobuildpack.core.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Generates batch-file lines and content for tests, so that no large fixture is checked in. */
public final class EventLines {

  private EventLines() {}

  /** A valid event (one JSON object, no newline) whose entity id ends with {@code n}. */
  public static String valid(long n) {
    return "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u" + n + "\","
        + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i" + n + "\","
        + "\"properties\":{\"rating\":" + (n % 5 + 1) + "},\"eventTime\":\"2017-04-14T18:12:20.000Z\"}";
  }

  /** An event without {@code entityId}: reported as {@code entityId: field is required}. */
  public static String missingEntityId(long n) {
    return "{\"event\":\"view\",\"entityType\":\"user\",\"properties\":{\"n\":" + n + "}}";
  }

  /** {@code count} valid lines, except that the given 1-based line numbers hold an event without entityId. */
  public static List<String> validExcept(int count, int... badLineNumbers) {
    List<String> lines = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      lines.add(contains(badLineNumbers, n) ? missingEntityId(n) : valid(n));
    }
    return lines;
  }

  /** The lines joined with {@code \n}, with a final newline. */
  public static String text(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Concatenates byte arrays. */
  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }
}
