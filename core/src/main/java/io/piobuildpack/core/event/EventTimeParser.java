package io.piobuildpack.core.event;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Parses times exactly as PredictionIO's {@code Utils.stringToDateTime}: Joda's
 * {@code ISODateTimeFormat.dateTime()} (fraction required), falling back to {@code dateTimeNoMillis()}, both
 * with the offset kept. Error messages are those of the fallback parser, in Joda's wording.
 *
 * <p>The grammar follows Joda: a signed year of up to 9 digits, the other fields 1–2 digits, literals compared
 * case-insensitively, a fraction of 1–9 digits truncated to milliseconds, and a mandatory zone ({@code Z},
 * {@code ±HH}, {@code ±HHmm} or {@code ±HH:mm}, optionally with seconds).
 */
final class EventTimeParser {

  private static final int MIN_YEAR = -292_275_054;
  private static final int MAX_YEAR = 292_278_993;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private final String text;
  private int position;
  private int failedAt;

  private int year;
  private int month;
  private int day;
  private int hour;
  private int minute;
  private int second;
  private int millis;
  private int offsetSeconds;

  private EventTimeParser(String text) {
    this.text = text;
  }

  static ZonedDateTime parse(String text) {
    if (text == null) {
      throw new EventTimeFormatException(null, "Invalid format: \"null\"");
    }
    // The first parser's failures are never reported, so it fails without building an exception.
    EventTimeParser withMillis = new EventTimeParser(text);
    if (withMillis.parseFields(true) && withMillis.position == text.length() && withMillis.rangeProblem() == null) {
      return withMillis.toDateTime();
    }
    return new EventTimeParser(text).run(false);
  }

  private ZonedDateTime run(boolean fractionRequired) {
    if (!parseFields(fractionRequired)) {
      throw new EventTimeFormatException(text, errorMessage(failedAt));
    }
    if (position < text.length()) {
      throw new EventTimeFormatException(text, errorMessage(position));
    }
    String problem = rangeProblem();
    if (problem != null) {
      throw new EventTimeFormatException(text, problem);
    }
    return toDateTime();
  }

  /** Joda's message for the first field out of its range, checked from year down to second; null when none. */
  private String rangeProblem() {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return rangeMessage("year", year, MIN_YEAR, MAX_YEAR);
    }
    if (month < 1 || month > 12) {
      return rangeMessage("monthOfYear", month, 1, 12);
    }
    int monthLength = YearMonth.of(year, month).lengthOfMonth();
    if (day < 1 || day > monthLength) {
      return rangeMessage("dayOfMonth", day, 1, monthLength);
    }
    if (hour > 23) {
      return rangeMessage("hourOfDay", hour, 0, 23);
    }
    if (minute > 59) {
      return rangeMessage("minuteOfHour", minute, 0, 59);
    }
    return second > 59 ? rangeMessage("secondOfMinute", second, 0, 59) : null;
  }

  private String rangeMessage(String field, int value, int min, int max) {
    return "Cannot parse \"" + text + "\": Value " + value + " for " + field + " must be in the range [" + min + ","
        + max + "]";
  }

  private ZonedDateTime toDateTime() {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetSeconds);
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000);
    return EventTimes.normalize(ZonedDateTime.of(local, offset));
  }

  private boolean parseFields(boolean fractionRequired) {
    Integer value = number(9, true);
    if (value == null) {
      return false;
    }
    year = value;
    if (!literal('-') || (value = number(2, false)) == null) {
      return false;
    }
    month = value;
    if (!literal('-') || (value = number(2, false)) == null) {
      return false;
    }
    day = value;
    if (!literal('T') || (value = number(2, false)) == null) {
      return false;
    }
    hour = value;
    if (!literal(':') || (value = number(2, false)) == null) {
      return false;
    }
    minute = value;
    if (!literal(':') || (value = number(2, false)) == null) {
      return false;
    }
    second = value;
    if (fractionRequired && (!literal('.') || !fraction())) {
      return false;
    }
    return offset();
  }

  /** Joda's padded-number parser: at least one digit, at most {@code maxDigits}, optional sign for years. */
  private Integer number(int maxDigits, boolean signed) {
    int limit = Math.min(maxDigits, text.length() - position);
    int length = 0;
    boolean negative = false;
    boolean hasSign = false;
    while (length < limit) {
      char c = text.charAt(position + length);
      if (length == 0 && signed && (c == '-' || c == '+')) {
        if (length + 1 >= limit || !isDigit(text.charAt(position + length + 1))) {
          break;
        }
        negative = c == '-';
        hasSign = true;
        length++;
        limit = Math.min(limit + 1, text.length() - position);
        continue;
      }
      if (!isDigit(c)) {
        break;
      }
      length++;
    }
    if (length == 0 || (hasSign && length == 1)) {
      failedAt = position;
      return null;
    }
    int start = hasSign ? position + 1 : position;
    int result = Integer.parseInt(text, start, position + length, 10);
    position += length;
    return negative ? -result : result;
  }

  private boolean literal(char expected) {
    if (position >= text.length()) {
      failedAt = position;
      return false;
    }
    char c = text.charAt(position);
    if (Character.toUpperCase(c) != Character.toUpperCase(expected)
        && Character.toLowerCase(c) != Character.toLowerCase(expected)) {
      failedAt = position;
      return false;
    }
    position++;
    return true;
  }

  private boolean fraction() {
    int limit = Math.min(9, text.length() - position);
    int length = 0;
    while (length < limit && isDigit(text.charAt(position + length))) {
      length++;
    }
    if (length == 0) {
      failedAt = position;
      return false;
    }
    String digits = (text.substring(position, position + Math.min(length, 3)) + "00").substring(0, 3);
    millis = Integer.parseInt(digits);
    position += length;
    return true;
  }

  /** Joda's {@code TimeZoneOffset} parser with zero-offset text {@code Z}. */
  private boolean offset() {
    if (position < text.length() && Character.toUpperCase(text.charAt(position)) == 'Z') {
      offsetSeconds = 0;
      position++;
      return true;
    }
    if (text.length() - position <= 1) {
      failedAt = position;
      return false;
    }
    int signAt = position;
    char sign = text.charAt(position);
    if (sign != '+' && sign != '-') {
      failedAt = position;
      return false;
    }
    position++;
    Integer hours = twoDigits(23);
    if (hours == null) {
      return false;
    }
    int total = hours * 3600;
    parse:
    {
      if (position >= text.length()) {
        break parse;
      }
      boolean separators;
      char c = text.charAt(position);
      if (c == ':') {
        separators = true;
        position++;
      } else if (isDigit(c)) {
        separators = false;
      } else {
        break parse;
      }
      Integer minutes = twoDigits(59);
      if (minutes == null) {
        return false;
      }
      total += minutes * 60;
      if (position >= text.length() || (separators && text.charAt(position) != ':')) {
        break parse;
      }
      if (separators) {
        position++;
      } else if (!isDigit(text.charAt(position))) {
        break parse;
      }
      Integer seconds = twoDigits(59);
      if (seconds == null) {
        return false;
      }
      total += seconds;
      if (position < text.length() && (text.charAt(position) == '.' || text.charAt(position) == ',')) {
        // Joda accepts milliseconds in an offset; java.time offsets cannot hold them.
        failedAt = position;
        return false;
      }
    }
    if (total > MAX_OFFSET_SECONDS) {
      // Joda accepts up to ±23:59:59, java.time offsets only ±18:00; reject rather than fail in ZoneOffset.
      failedAt = signAt;
      return false;
    }
    offsetSeconds = sign == '-' ? -total : total;
    return true;
  }

  private Integer twoDigits(int max) {
    if (text.length() - position < 2 || !isDigit(text.charAt(position)) || !isDigit(text.charAt(position + 1))) {
      failedAt = position;
      return null;
    }
    int value = (text.charAt(position) - '0') * 10 + (text.charAt(position + 1) - '0');
    if (value > max) {
      failedAt = position;
      return null;
    }
    position += 2;
    return value;
  }

  /** Joda's {@code FormatUtils.createErrorMessage}. */
  private String errorMessage(int errorPos) {
    String sample = text.length() <= errorPos + 35 ? text : text.substring(0, errorPos + 32) + "...";
    if (errorPos <= 0) {
      return "Invalid format: \"" + sample + "\"";
    }
    if (errorPos >= text.length()) {
      return "Invalid format: \"" + sample + "\" is too short";
    }
    return "Invalid format: \"" + sample + "\" is malformed at \"" + sample.substring(errorPos) + "\"";
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
