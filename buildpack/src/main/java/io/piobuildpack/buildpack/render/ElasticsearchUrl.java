package io.piobuildpack.buildpack.render;

import io.piobuildpack.templates.model.Credentials;
import io.piobuildpack.templates.model.ElasticsearchConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code PIO_ELASTICSEARCH_URL} ({@code http[s]://[user[:password]@]host[:port][/]}), the one place that
 * does. User and password are percent-decoded; the port defaults to the scheme's (80, 443). Errors never contain
 * the URL (it may hold a password).
 */
public final class ElasticsearchUrl {

  /** The variable it is read from. */
  public static final String VARIABLE = "PIO_ELASTICSEARCH_URL";

  private ElasticsearchUrl() {}

  /**
   * @throws InvalidRuntimeSettingException naming {@value #VARIABLE} when the URL is unusable
   */
  public static ElasticsearchConnection parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new InvalidRuntimeSettingException(VARIABLE, "is not a valid URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidRuntimeSettingException(VARIABLE, "must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidRuntimeSettingException(VARIABLE, "has no host name");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new InvalidRuntimeSettingException(VARIABLE, "must be only scheme, credentials, host and port:"
          + " PredictionIO's Elasticsearch client takes no path or query");
    }
    boolean https = scheme.equals("https");
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    Optional<Credentials> credentials = Optional.ofNullable(uri.getRawUserInfo()).map(ElasticsearchUrl::credentials);
    return new ElasticsearchConnection(scheme, uri.getHost(), port, https, credentials);
  }

  private static Credentials credentials(String rawUserInfo) {
    int colon = rawUserInfo.indexOf(':');
    String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
    String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
    try {
      return new Credentials(java.net.URLDecoder.decode(user.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(password.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new InvalidRuntimeSettingException(VARIABLE, "has an invalid percent-escape in its user or password");
    }
  }
}
