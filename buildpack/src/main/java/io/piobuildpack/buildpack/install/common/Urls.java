package io.piobuildpack.buildpack.install.common;

import java.net.URI;

/**
 * URLs as they may appear in build output, messages and install records: without user info
 * ({@code https://user:token@host/...}) and without the query string, which for a pre-signed URL (e.g. S3's
 * {@code X-Amz-Signature}) is a credential. Front-ends rendering {@link InstallListener} events use it too.
 */
public final class Urls {

  private Urls() {}

  /** {@code scheme://host[:port]/path}, plus {@code ?…} when the URL had a query; other URLs unchanged. */
  public static String forLog(URI url) {
    if (url.getRawUserInfo() == null && url.getRawQuery() == null) {
      return url.toString();
    }
    StringBuilder out = new StringBuilder();
    if (url.getScheme() != null) {
      out.append(url.getScheme()).append("://");
    }
    if (url.getHost() != null) {
      out.append(url.getHost());
    }
    if (url.getPort() >= 0) {
      out.append(':').append(url.getPort());
    }
    if (url.getRawPath() != null) {
      out.append(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      out.append("?…");
    }
    return out.toString();
  }
}
