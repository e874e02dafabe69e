package io.piobuildpack.buildpack.install.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformTest {

  @Test
  void cnbTargetVariablesWin() {
    assertThat(Platform.detect(Environment.of(Map.of("CNB_TARGET_OS", "linux", "CNB_TARGET_ARCH", "arm64"))))
        .isEqualTo(new Platform("linux", "arm64"));
  }

  @Test
  void jvmArchitectureNamesAreMappedToTheInventorys() {
    assertThat(Platform.normaliseArch("x86_64")).isEqualTo("amd64");
    assertThat(Platform.normaliseArch("amd64")).isEqualTo("amd64");
    assertThat(Platform.normaliseArch("aarch64")).isEqualTo("arm64");
  }
}
