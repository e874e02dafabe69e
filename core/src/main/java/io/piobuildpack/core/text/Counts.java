package io.piobuildpack.core.text;

import java.util.Locale;

/** Counts in output text, singular or plural as English needs: {@code 1 event}, {@code 2 events}, {@code 0 events}. */
public final class Counts {

  private Counts() {}

  /**
   * The count and the noun, plural unless the count is exactly one.
   *
   * @param singular the noun for one, e.g. {@code event}
   * @param plural the noun for any other count, e.g. {@code events}
   */
  public static String of(long count, String singular, String plural) {
    return count + " " + (count == 1 ? singular : plural);
  }

  /** As {@link #of(long, String, String)} with the plural formed by adding {@code s}. */
  public static String of(long count, String singular) {
    return of(count, singular, singular + "s");
  }

  /** As {@link #of(long, String)} with thousands separators ({@code 12,345 lines}). */
  public static String grouped(long count, String singular) {
    return String.format(Locale.ROOT, "%,d", count) + " " + (count == 1 ? singular : singular + "s");
  }
}
