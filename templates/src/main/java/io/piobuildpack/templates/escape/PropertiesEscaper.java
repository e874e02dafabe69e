package io.piobuildpack.templates.escape;

/**
 * A value in a Java properties file as Spark reads {@code spark-defaults.conf} ({@code java.util.Properties#load}
 * over a UTF-8 reader, then every value trimmed): {@code \} is doubled, tab, line feed, carriage return and form
 * feed become {@code \t \n \r \f}, other text is written as UTF-8. Spark trims values, so a value that begins or
 * ends with a space or control character cannot be represented; neither can other control characters.
 * Rules: <a href="https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/Properties.html#load(java.io.Reader)">Properties.load</a>,
 * Spark's {@code Utils.getPropertiesFromFile}.
 */
public final class PropertiesEscaper implements Escaper {

  @Override
  public String escape(String value) {
    Characters.requireText(value);
    if (!value.isEmpty() && (value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' ')) {
      throw new UnrepresentableValueException("begins or ends with white space or a control character, which"
          + " Spark trims from configuration values");
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            throw new UnrepresentableValueException("contains the control character U+" + Characters.hex4(c)
                + " at index " + i);
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
