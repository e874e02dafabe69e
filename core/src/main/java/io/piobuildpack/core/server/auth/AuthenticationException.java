package io.piobuildpack.core.server.auth;

/**
 * A request without a usable access key or with an unknown channel; the message is PredictionIO's 401 text,
 * e.g. {@code Invalid accessKey.}
 */
public final class AuthenticationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String MISSING_KEY = "Missing accessKey.";
  public static final String INVALID_KEY = "Invalid accessKey.";

  public AuthenticationException(String message) {
    super(message);
  }

  public static AuthenticationException missingKey() {
    return new AuthenticationException(MISSING_KEY);
  }

  public static AuthenticationException invalidKey() {
    return new AuthenticationException(INVALID_KEY);
  }

  public static AuthenticationException invalidChannel(String name) {
    return new AuthenticationException("Invalid channel '" + name + "'.");
  }
}
