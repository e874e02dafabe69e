package io.piobuildpack.buildpack.install.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

  @Test
  void userInfoAndQueryAreLeftOut() {
    assertThat(Urls.forLog(URI.create("https://user:token@files.example.org:8443/pio/a.tar.gz?X-Amz-Signature=s")))
        .isEqualTo("https://files.example.org:8443/pio/a.tar.gz?…");
  }

  @Test
  void plainUrlsAreUnchanged() {
    String url = "https://archive.apache.org/dist/spark/spark-2.4.8/spark-2.4.8-bin-hadoop2.7.tgz";

    assertThat(Urls.forLog(URI.create(url))).isEqualTo(url);
  }
}
