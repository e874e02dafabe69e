package io.piobuildpack.buildpack.install.download;

import io.piobuildpack.core.config.Environment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses an HTTP proxy from the conventional variables, as curl does (https://curl.se/docs/manpage.html#ENVIRONMENT):
 * {@code HTTPS_PROXY}/{@code https_proxy} for https URLs, {@code HTTP_PROXY}/{@code http_proxy} for http URLs
 * (lower case wins when both are set), each {@code [http://]host[:port]} (port 80 by default); {@code NO_PROXY}/
 * {@code no_proxy} is a comma-separated list of host names, domain suffixes ({@code example.com} and
 * {@code .example.com} both match {@code a.example.com}), IP addresses, or {@code *} for every host. Credentials in
 * the proxy URL are not used.
 */
public final class EnvironmentProxySelector extends ProxySelector {

  private final Optional<InetSocketAddress> httpsProxy;
  private final Optional<InetSocketAddress> httpProxy;
  private final List<String> noProxy;

  private EnvironmentProxySelector(Optional<InetSocketAddress> httpsProxy, Optional<InetSocketAddress> httpProxy,
      List<String> noProxy) {
    this.httpsProxy = httpsProxy;
    this.httpProxy = httpProxy;
    this.noProxy = noProxy;
  }

  /** The selector for these variables. */
  public static EnvironmentProxySelector from(Environment env) {
    List<String> noProxy = new ArrayList<>();
    for (String item : first(env, "no_proxy", "NO_PROXY").orElse("").split(",")) {
      String host = item.trim().toLowerCase(Locale.ROOT);
      if (!host.isEmpty()) {
        noProxy.add(host.replaceFirst(":\\d+$", ""));
      }
    }
    return new EnvironmentProxySelector(first(env, "https_proxy", "HTTPS_PROXY").map(EnvironmentProxySelector::address),
        first(env, "http_proxy", "HTTP_PROXY").map(EnvironmentProxySelector::address), List.copyOf(noProxy));
  }

  private static Optional<String> first(Environment env, String lower, String upper) {
    return env.find(lower).or(() -> env.find(upper));
  }

  private static InetSocketAddress address(String value) {
    URI uri = URI.create(value.contains("://") ? value : "http://" + value);
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    return InetSocketAddress.createUnresolved(uri.getHost(), port);
  }

  @Override
  public List<Proxy> select(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Optional<InetSocketAddress> proxy = switch (scheme) {
      case "https" -> httpsProxy;
      case "http" -> httpProxy;
      default -> Optional.empty();
    };
    if (proxy.isEmpty() || bypassed(uri.getHost())) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy.get()));
  }

  /** Whether {@code NO_PROXY} excludes this host. */
  public boolean bypassed(String host) {
    if (host == null) {
      return true;
    }
    String name = host.toLowerCase(Locale.ROOT);
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String suffix = entry.startsWith(".") ? entry.substring(1) : entry;
      if (name.equals(suffix) || name.endsWith("." + suffix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // The download's own retry reports the failure.
  }
}
