package io.piobuildpack.core.server.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** A {@code Content-Type} value: the lower-cased {@code type/subtype} and its {@code charset}, if any. */
record MediaType(String essence, Optional<String> charset) {

  static MediaType parse(String header) {
    String[] parts = header.split(";");
    String essence = parts[0].trim().toLowerCase(Locale.ROOT);
    Optional<String> charset = Optional.empty();
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
        String value = parameter.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        charset = Optional.of(value);
      }
    }
    return new MediaType(essence, charset);
  }

  /** The declared charset when the JVM knows it, else UTF-8. */
  Charset charsetOrUtf8() {
    try {
      return charset.map(Charset::forName).orElse(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
