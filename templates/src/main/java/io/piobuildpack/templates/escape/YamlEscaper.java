package io.piobuildpack.templates.escape;

/**
 * YAML 1.2 double-quoted scalar, quotes included: {@code \} and {@code "} are escaped, line breaks and every
 * non-printable character are written as escape sequences ({@code \n}, {@code \t}, {@code \xNN}, four-digit u escapes),
 * so no value can end the scalar, start a new key or be folded. The template writes {@code key: {{value}}}.
 * Rule: <a href="https://yaml.org/spec/1.2.2/#57-escaped-characters">YAML 1.2.2 section 5.7</a>.
 */
public final class YamlEscaper implements Escaper {

  @Override
  public String escape(String value) {
    Characters.requireText(value);
    StringBuilder out = new StringBuilder(value.length() + 8).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            out.append("\\x").append(String.format("%02X", (int) c));
          } else if (c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
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
