package io.piobuildpack.core.event;

import java.time.ZonedDateTime;

/** Prints times like Joda's {@code ISODateTimeFormat.dateTime()} in the time's own offset. */
final class EventTimeFormatter {

  private EventTimeFormatter() {}

  static String format(ZonedDateTime time) {
    StringBuilder out = new StringBuilder(29);
    int year = time.getYear();
    if (year < 0) {
      out.append('-');
    }
    pad(out, Math.abs(year), 4);
    out.append('-');
    pad(out, time.getMonthValue(), 2);
    out.append('-');
    pad(out, time.getDayOfMonth(), 2);
    out.append('T');
    pad(out, time.getHour(), 2);
    out.append(':');
    pad(out, time.getMinute(), 2);
    out.append(':');
    pad(out, time.getSecond(), 2);
    out.append('.');
    pad(out, time.getNano() / 1_000_000, 3);
    appendOffset(out, time.getOffset().getTotalSeconds());
    return out.toString();
  }

  private static void appendOffset(StringBuilder out, int totalSeconds) {
    if (totalSeconds == 0) {
      out.append('Z');
      return;
    }
    out.append(totalSeconds < 0 ? '-' : '+');
    int abs = Math.abs(totalSeconds);
    pad(out, abs / 3600, 2);
    out.append(':');
    pad(out, (abs / 60) % 60, 2);
    if (abs % 60 != 0) {
      out.append(':');
      pad(out, abs % 60, 2);
    }
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
