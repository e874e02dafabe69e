package io.piobuildpack.templates;

/** Test values: an ordinary one and a hostile one that holds everything a format could misread. */
final class Values {

  /**
   * Quotes, {@code $}, backticks, spaces, {@code &}, {@code <}, {@code ]]>}, a backslash, a tab, a newline and
   * non-ASCII text (including a character outside the BMP).
   */
  static final String HOSTILE = "it's \"$HOME\" `id` $(id) a&b <x> ]]> \\n\\\t tab\nline2 ünïcødé € 𝄞";

  private Values() {}

  /** The hostile value with a distinguishing prefix, so a test can tell fields apart. */
  static String hostile(String field) {
    return field + ":" + HOSTILE;
  }
}
