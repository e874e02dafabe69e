package io.piobuildpack.templates.escape;

/** Checks shared by every format: no NUL, no lone UTF-16 surrogate (neither can be written as UTF-8 text). */
final class Characters {

  private Characters() {}

  /**
   * @throws UnrepresentableValueException on a NUL or an unpaired surrogate
   */
  static void requireText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        throw new UnrepresentableValueException("contains a NUL character (U+0000), which no environment variable"
            + " or configuration file can hold");
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new UnrepresentableValueException(String.format("contains an unpaired UTF-16 surrogate (U+%04X) at"
            + " index %d, which is not text", (int) c, i));
      }
    }
  }

  static String hex4(int c) {
    return String.format("%04X", c);
  }
}
