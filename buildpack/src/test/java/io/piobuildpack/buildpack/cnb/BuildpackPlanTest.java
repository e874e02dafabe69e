package io.piobuildpack.buildpack.cnb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.buildpack.detect.AppKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildpackPlanTest {

  @TempDir Path dir;

  @Test
  void entriesGiveTheKindAndWhetherThisBuildpackProvidesTheJdk() throws Exception {
    Path plan = dir.resolve("plan.toml");
    Files.writeString(plan, """
        [[entries]]
        name = "pio-toolkit"
        [entries.metadata]
        kind = "event-server"

        [[entries]]
        name = "predictionio"
        """);

    BuildpackPlan read = BuildpackPlan.read(plan);

    assertThat(read.kind()).contains(AppKind.EVENT_SERVER);
    assertThat(read.providesJdk()).isFalse();
  }

  @Test
  void aMissingPlanMeansRunningAlone() throws Exception {
    BuildpackPlan read = BuildpackPlan.read(dir.resolve("absent.toml"));

    assertThat(read.providesJdk()).isTrue();
    assertThat(read.kind()).isEmpty();
  }

  @Test
  void anUnreadablePlanIsALifecycleInputError() throws Exception {
    Path plan = dir.resolve("plan.toml");
    Files.writeString(plan, "[[entries]\nname = ");

    assertThatThrownBy(() -> BuildpackPlan.read(plan))
        .isInstanceOfSatisfying(CnbException.class,
            e -> assertThat(e.exitCode()).isEqualTo(CnbExitCode.LIFECYCLE_INPUT))
        .hasMessageStartingWith("The buildpack plan " + plan + " cannot be read: ");
  }
}
