package io.piobuildpack.buildpack.install.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.Environment;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentProxySelectorTest {

  private static Proxy proxy(String host, int port) {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  @Test
  void httpsUrlsUseHttpsProxyAndHttpUrlsHttpProxy() {
    EnvironmentProxySelector selector = EnvironmentProxySelector.from(Environment.of(Map.of(
        "HTTPS_PROXY", "http://secure.proxy:3128", "HTTP_PROXY", "plain.proxy")));

    assertThat(selector.select(URI.create("https://archive.apache.org/x"))).containsExactly(proxy("secure.proxy",
        3128));
    assertThat(selector.select(URI.create("http://archive.apache.org/x"))).containsExactly(proxy("plain.proxy", 80));
  }

  @Test
  void lowerCaseVariablesWin() {
    EnvironmentProxySelector selector = EnvironmentProxySelector.from(Environment.of(Map.of(
        "HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2")));

    assertThat(selector.select(URI.create("https://a/x"))).containsExactly(proxy("lower", 2));
  }

  @Test
  void noProxyMatchesHostsAndDomainSuffixes() {
    EnvironmentProxySelector selector = EnvironmentProxySelector.from(Environment.of(Map.of(
        "HTTPS_PROXY", "http://p:3128", "NO_PROXY", "localhost, .internal.example, repo1.maven.org:443")));

    assertThat(selector.select(URI.create("https://mirror.internal.example/x"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://internal.example/x"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://repo1.maven.org/x"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://notinternal.example/x"))).containsExactly(proxy("p", 3128));
  }

  @Test
  void noProxyStarDisablesEveryProxy() {
    EnvironmentProxySelector selector = EnvironmentProxySelector.from(Environment.of(Map.of(
        "HTTPS_PROXY", "http://p:3128", "no_proxy", "*")));

    assertThat(selector.select(URI.create("https://archive.apache.org/x"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void withoutVariablesThereIsNoProxy() {
    assertThat(EnvironmentProxySelector.from(Environment.of(Map.of())).select(URI.create("https://a/x")))
        .containsExactly(Proxy.NO_PROXY);
  }
}
