package io.piobuildpack.core.store.jdbc;

import java.io.IOException;
import java.io.Writer;

/** Writes one row in PostgreSQL's {@code COPY ... FROM STDIN} text format: tab-separated, {@code \N} for NULL. */
final class CopyTextRow {

  private final Writer out;
  private boolean first = true;

  CopyTextRow(Writer out) {
    this.out = out;
  }

  CopyTextRow field(String value) throws IOException {
    if (!first) {
      out.write('\t');
    }
    first = false;
    if (value == null) {
      out.write("\\N");
      return this;
    }
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      String escape = escape(value.charAt(i));
      if (escape != null) {
        out.write(value, start, i - start);
        out.write(escape);
        start = i + 1;
      }
    }
    out.write(value, start, value.length() - start);
    return this;
  }

  void end() throws IOException {
    out.write('\n');
    first = true;
  }

  private static String escape(char c) {
    return switch (c) {
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> null;
    };
  }
}
