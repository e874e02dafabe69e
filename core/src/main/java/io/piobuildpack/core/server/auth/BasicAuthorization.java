package io.piobuildpack.core.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The access key in an {@code Authorization} header, read exactly as PredictionIO's {@code withAccessKey} does:
 * split on the literal {@code "Basic "}, expect two parts, base64-decode the second, trim, and take what comes
 * before the first {@code :} (the user name of HTTP Basic; the password is ignored).
 */
final class BasicAuthorization {

  private static final String BASIC = "Basic ";

  private BasicAuthorization() {}

  /** The access key, or empty when the header is not of the {@code Basic <base64>} form. */
  static Optional<String> accessKey(String header) {
    String[] parts = header.split(BASIC);
    if (parts.length != 2) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8).trim();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] credentials = decoded.split(":");
    return Optional.of(credentials.length == 0 ? "" : credentials[0]);
  }
}
