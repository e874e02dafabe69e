package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedRequestLogTest {

  @Test
  void maskAccessKeyHidesTheValueAndKeepsTheRest() {
    assertThat(MaskedRequestLog.maskAccessKey("accessKey=secret&channel=ch1&limit=-1"))
        .isEqualTo("accessKey=****&channel=ch1&limit=-1");
  }

  @Test
  void maskAccessKeyHidesEveryOccurrenceHoweverEncoded() {
    assertThat(MaskedRequestLog.maskAccessKey("a=1&%61ccessKey=s1&accesskey=s2&accessKey&x=accessKey"))
        .isEqualTo("a=1&%61ccessKey=****&accesskey=****&accessKey=****&x=accessKey");
  }

  @Test
  void maskAccessKeyWithBadEncodingStillHidesIt() {
    assertThat(MaskedRequestLog.maskAccessKey("accessKey%zz=secret")).isEqualTo("accessKey%zz=****");
  }
}
