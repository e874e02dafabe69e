package io.piobuildpack.templates.escape;

/**
 * XML 1.0 element text and attribute values: {@code & < > " '} become entity references, and tab, line feed and
 * carriage return become character references so that attribute-value normalisation and line-end handling keep
 * them. Characters XML 1.0 does not allow at all (controls other than tab, LF, CR; U+FFFE, U+FFFF) cannot be
 * represented. Rule: <a href="https://www.w3.org/TR/xml/#charsets">XML 1.0 section 2.2, Characters</a> and
 * <a href="https://www.w3.org/TR/xml/#AVNormalize">3.3.3, Attribute-Value Normalization</a>.
 */
public final class XmlEscaper implements Escaper {

  @Override
  public String escape(String value) {
    Characters.requireText(value);
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\t' -> out.append("&#9;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            throw new UnrepresentableValueException("contains the control character U+" + Characters.hex4(c)
                + " at index " + i + ", which XML 1.0 does not allow");
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
