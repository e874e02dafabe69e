package io.piobuildpack.core.event.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * The one wording of a JSON syntax error for every JSON text the tool reads (REST bodies, batch-file lines,
 * webhook payloads): {@code not valid JSON: <parser's reason> (line L, column C)}, with the 1-based line and column
 * of the parser's position. For a line of a batch file, whose line number the caller already gives, only the
 * column is added.
 */
public final class JsonSyntax {

  private JsonSyntax() {}

  /**
   * The reason text for a syntax error.
   *
   * @param withLine true for text that may span lines (a request body, a payload); false for one line of a file
   */
  public static String describe(JsonProcessingException e, boolean withLine) {
    return "not valid JSON: " + withoutSource(firstLine(e.getOriginalMessage()), withLine)
        + position(e.getLocation(), withLine);
  }

  /**
   * Jackson names a start marker as {@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`
   * disabled); line: 1, column: 1]}; that internal text becomes {@code line 1, column 1} (or {@code column 1}).
   */
  static String withoutSource(String reason, boolean withLine) {
    return SOURCE.matcher(reason).replaceAll(withLine ? "line $1, column $2" : "column $2");
  }

  private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  /** {@code  (line L, column C)}, {@code  (column C)}, or nothing when the parser gave no position. */
  static String position(JsonLocation where, boolean withLine) {
    if (where == null || where.getColumnNr() < 1) {
      return "";
    }
    return withLine ? " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"
        : " (column " + where.getColumnNr() + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
