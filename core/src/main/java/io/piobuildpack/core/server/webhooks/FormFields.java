package io.piobuildpack.core.server.webhooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of an {@code application/x-www-form-urlencoded} body; a repeated name keeps its last value. */
public final class FormFields {

  private FormFields() {}

  /**
   * Decodes the body.
   *
   * @throws ConnectorException when a field is not valid percent-encoding
   */
  public static Map<String, String> parse(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.put(decode(name), decode(value));
    }
    return fields;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException("The form data is not valid URL encoding: " + e.getMessage());
    }
  }
}
