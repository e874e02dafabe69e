package io.piobuildpack.buildpack.cnb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.buildpack.detect.AppKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Buildpack Plan {@code bin/build} reads from {@code CNB_BP_PLAN_PATH}: the {@code [[entries]]} this buildpack
 * provides in the resolved build plan, each with its requirement's {@code [entries.metadata]}
 * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#buildpack-plan-toml).
 *
 * @param names the entry names
 * @param kind the app kind detect wrote into the {@value DetectPlans#TOOLKIT} entry's metadata, when present
 */
public record BuildpackPlan(Set<String> names, Optional<AppKind> kind) {

  /** Copies the set. */
  public BuildpackPlan {
    names = Set.copyOf(names);
  }

  /**
   * Reads the plan; a missing file reads as "run alone" (every name this buildpack can provide, kind unknown).
   *
   * @throws CnbException {@link CnbExitCode#LIFECYCLE_INPUT} when the file exists but is not a plan
   */
  public static BuildpackPlan read(Path file) throws CnbException {
    if (!Files.exists(file)) {
      return new BuildpackPlan(Set.of(DetectPlans.TOOLKIT, DetectPlans.PREDICTIONIO, DetectPlans.JDK),
          Optional.empty());
    }
    try {
      JsonNode root = new TomlMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
      Set<String> names = new HashSet<>();
      Optional<AppKind> kind = Optional.empty();
      if (root != null) {
        for (JsonNode entry : root.path("entries")) {
          String name = entry.path("name").asText();
          names.add(name);
          String value = entry.path("metadata").path("kind").asText("");
          if (name.equals(DetectPlans.TOOLKIT) && !value.isEmpty()) {
            kind = Optional.of(AppKind.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_')));
          }
        }
      }
      return new BuildpackPlan(names, kind);
    } catch (IOException | IllegalArgumentException e) {
      throw new CnbException(CnbExitCode.LIFECYCLE_INPUT, "The buildpack plan " + file + " cannot be read: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
  }

  /** Whether the resolved plan gives {@code jdk} to this buildpack (no earlier buildpack provides it). */
  public boolean providesJdk() {
    return names.contains(DetectPlans.JDK);
  }
}
