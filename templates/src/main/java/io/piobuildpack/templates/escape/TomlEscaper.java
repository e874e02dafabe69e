package io.piobuildpack.templates.escape;

/**
 * TOML 1.0 basic string, quotes included: {@code \} and {@code "} are escaped, control characters (U+0000 to
 * U+001F and U+007F) are written as {@code \b \t \n \f \r} or four-digit u escapes. The template writes
 * {@code key = {{value}}}. Rule: <a href="https://toml.io/en/v1.0.0#string">TOML 1.0, String</a>.
 */
public final class TomlEscaper implements Escaper {

  @Override
  public String escape(String value) {
    Characters.requireText(value);
    StringBuilder out = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            out.append("\\u").append(Characters.hex4(c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
