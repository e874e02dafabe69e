package io.piobuildpack.it.cnb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.buildpack.cnb.DetectPlans;
import io.piobuildpack.buildpack.detect.AppKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alternative of a detect plan the lifecycle emulation builds with when the buildpack runs alone. */
class CnbLifecycleTest {

  @TempDir Path dir;

  @Test
  void anEngineAloneGetsTheAlternativeThatAlsoProvidesTheJdk() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.toml"), DetectPlans.of(AppKind.ENGINE).toToml());

    assertThat(CnbLifecycle.aloneAlternative(plan)).isEqualTo(1);
  }

  @Test
  void anEventServerAppAloneGetsTheTopLevelAlternative() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.toml"), DetectPlans.of(AppKind.EVENT_SERVER).toToml());

    assertThat(CnbLifecycle.aloneAlternative(plan)).isZero();
  }

  @Test
  void aPlanRequiringWhatNoAlternativeProvidesHasNoAloneAlternative() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.toml"),
        "[[provides]]\nname = \"a\"\n\n[[requires]]\nname = \"a\"\n\n[[requires]]\nname = \"jdk\"\n");

    assertThatThrownBy(() -> CnbLifecycle.aloneAlternative(plan)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no alternative");
  }
}
