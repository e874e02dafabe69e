package io.piobuildpack.buildpack.cnb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.buildpack.detect.AppKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plans bin/detect writes (the static files of bin/support) are the model's ({@link DetectPlans}), and resolve
 * under the spec's trial rules alone and after a JDK buildpack.
 */
class BuildPlanResolutionTest {

  private static final Path SUPPORT = Path.of("src/main/buildpack/bin/support");
  private static final String US = "piobuildpack/predictionio";

  private static String planFile(String kind) throws Exception {
    return Files.readString(SUPPORT.resolve("cnb-plan-" + kind + ".toml"));
  }

  private static PlanResolver.Buildpack us(String kind) throws Exception {
    return new PlanResolver.Buildpack(US, PlanResolver.parse(planFile(kind)));
  }

  @Test
  void theShippedPlanFilesAreTheModelsPlans() throws Exception {
    TomlMapper toml = new TomlMapper();
    assertThat(toml.readTree(planFile("engine")))
        .isEqualTo(toml.readTree(DetectPlans.of(AppKind.ENGINE).toToml()));
    assertThat(toml.readTree(planFile("eventserver")))
        .isEqualTo(toml.readTree(DetectPlans.of(AppKind.EVENT_SERVER).toToml()));
  }

  @Test
  void engineAloneTakesTheAlternativeThatProvidesTheJdkItself() throws Exception {
    Optional<PlanResolver.Resolution> resolution = PlanResolver.resolve(List.of(us("engine")));

    assertThat(resolution).isPresent();
    assertThat(resolution.get().chosen()).containsEntry(US, 1);
    assertThat(resolution.get().entries().get(US)).containsExactlyInAnyOrder("pio-toolkit", "predictionio", "jdk");
  }

  @Test
  void engineAfterHerokuJvmLeavesTheJdkToIt() throws Exception {
    // heroku/jvm: provides jdk, and requires it only when system.properties asks for a version
    PlanResolver.Buildpack herokuJvm = new PlanResolver.Buildpack("heroku/jvm",
        List.of(new PlanResolver.Alternative(List.of("jdk"), List.of())));

    PlanResolver.Resolution resolution = PlanResolver.resolve(List.of(herokuJvm, us("engine"))).orElseThrow();

    assertThat(resolution.chosen()).containsEntry(US, 0);
    assertThat(resolution.entries().get("heroku/jvm")).containsExactly("jdk");
    assertThat(resolution.entries().get(US)).containsExactlyInAnyOrder("pio-toolkit", "predictionio");
  }

  @Test
  void engineAfterAPaketoStyleJdkBuildpackPicksItsJdkOnlyAlternative() throws Exception {
    // Paketo's JVM vendor buildpacks: provides jdk and jre, or jdk alone, or jre alone
    PlanResolver.Buildpack paketo = new PlanResolver.Buildpack("paketo-buildpacks/bellsoft-liberica", List.of(
        new PlanResolver.Alternative(List.of("jdk", "jre"), List.of()),
        new PlanResolver.Alternative(List.of("jdk"), List.of()),
        new PlanResolver.Alternative(List.of("jre"), List.of())));

    PlanResolver.Resolution resolution = PlanResolver.resolve(List.of(paketo, us("engine"))).orElseThrow();

    assertThat(resolution.chosen()).isEqualTo(Map.of("paketo-buildpacks/bellsoft-liberica", 1, US, 0));
    assertThat(resolution.entries().get(US)).doesNotContain("jdk");
  }

  @Test
  void eventServerAloneNeedsNothingElse() throws Exception {
    PlanResolver.Resolution resolution = PlanResolver.resolve(List.of(us("eventserver"))).orElseThrow();

    assertThat(resolution.entries().get(US)).isEqualTo(Set.of("pio-toolkit"));
  }

  @Test
  void aGroupWhereNobodyRequiresAProvisionFails() {
    PlanResolver.Buildpack lonely = new PlanResolver.Buildpack("x",
        List.of(new PlanResolver.Alternative(List.of("jdk"), List.of())));

    assertThat(PlanResolver.resolve(List.of(lonely))).isEmpty();
  }
}
