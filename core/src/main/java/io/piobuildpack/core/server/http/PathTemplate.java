package io.piobuildpack.core.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A path, either fixed ({@code /events.json}) or with one variable segment written {@code {}} that must be
 * non-empty: {@code /events/{}.json} matches {@code /events/abc.json} with value {@code abc}, as PredictionIO's
 * {@code (.+)\.json$} segment matcher does.
 *
 * <p>Paths are matched as sent, still percent-encoded, segment by segment, and each segment is decoded (UTF-8)
 * only after the path was split at its literal {@code /}. So an encoded {@code %2F}, {@code %25}, {@code %5C} or
 * {@code %3B} inside the variable segment is part of the value: {@code /events/a%2Fb.json} matches with value
 * {@code a/b}, which is how the PredictionIO SDKs address an event whose id contains {@code /} (they
 * percent-encode the id, e.g. Python's {@code quote(event_id, "")}).
 */
final class PathTemplate {

  private static final String VARIABLE = "{}";

  private final String template;
  private final String prefix;
  private final String suffix;

  PathTemplate(String template) {
    int at = template.indexOf(VARIABLE);
    this.template = template;
    if (at < 0) {
      this.prefix = template;
      this.suffix = null;
    } else {
      this.prefix = template.substring(0, at);
      this.suffix = template.substring(at + VARIABLE.length());
      if (!prefix.endsWith("/") || suffix.contains("/") || suffix.contains(VARIABLE)) {
        throw new IllegalArgumentException("the variable must be one whole segment with a fixed suffix: " + template);
      }
    }
  }

  /**
   * The decoded variable value when the percent-encoded path matches (the empty string for a fixed path), else
   * {@code null}.
   *
   * @param rawPath the path as sent, e.g. {@code /events/a%2Fb.json}
   * @throws ApiException 400 when a segment is not valid percent-encoded UTF-8
   */
  String match(String rawPath) {
    int lastSlash = rawPath.lastIndexOf('/');
    String head = decodeSegments(rawPath.substring(0, lastSlash + 1));
    String last = decode(rawPath.substring(lastSlash + 1));
    if (suffix == null) {
      return (head + last).equals(prefix) && last.indexOf('/') < 0 ? "" : null;
    }
    if (!head.equals(prefix) || last.length() <= suffix.length() || !last.endsWith(suffix)) {
      return null;
    }
    return last.substring(0, last.length() - suffix.length());
  }

  boolean hasVariable() {
    return suffix != null;
  }

  @Override
  public String toString() {
    return template;
  }

  /** The leading segments, each decoded; a segment whose decoded text holds a {@code /} never matches. */
  private static String decodeSegments(String rawHead) {
    StringBuilder decoded = new StringBuilder(rawHead.length());
    for (String segment : rawHead.split("/", -1)) {
      String text = decode(segment);
      decoded.append(text.indexOf('/') >= 0 ? "\0" : text).append('/');
    }
    return decoded.substring(0, decoded.length() - 1);
  }

  /** Percent-decodes one path segment as UTF-8; {@code +} stays {@code +} (it is not form encoding). */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    byte[] utf8 = segment.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] != '%') {
        bytes.write(utf8[i]);
        continue;
      }
      int high = i + 2 < utf8.length ? Character.digit(utf8[i + 1], 16) : -1;
      int low = high >= 0 ? Character.digit(utf8[i + 2], 16) : -1;
      if (low < 0) {
        throw badEncoding();
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw badEncoding();
    }
  }

  private static ApiException badEncoding() {
    return new ApiException(400, "The request path is not valid URL encoding.");
  }
}
