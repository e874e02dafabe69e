package io.piobuildpack.buildpack.cnb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayersTest {

  @TempDir Path dir;

  private static final LayerMetadata METADATA = new LayerMetadata("1", "0.1.0",
      List.of(new LayerArtifact("jdk", "1.8.0_502", "sha256:ab", "PINNED", "https://x/jdk.tgz")),
      Map.of("spark-home", "/layers/spark/dist"));

  @Test
  void writtenMetadataReadsBackAndTypesAreWritten() throws Exception {
    Layers layers = new Layers(dir);

    layers.writeToml("jdk", LayerTypes.LAUNCH_CACHE, METADATA);

    assertThat(layers.restored("jdk").metadata()).contains(METADATA);
    assertThat(new TomlMapper().readTree(Files.readString(dir.resolve("jdk.toml"))).path("types").toString())
        .isEqualTo("{\"launch\":true,\"build\":false,\"cache\":true}");
  }

  @Test
  void metadataRestoredWithoutTypesStillReads() throws Exception {
    Files.writeString(dir.resolve("jdk.toml"), "[metadata]\nlayer-format = \"1\"\ntoolkit-version = \"0.1.0\"\n");

    Layers.Restored restored = new Layers(dir).restored("jdk");

    assertThat(restored.problem()).isEmpty();
    assertThat(restored.metadata().orElseThrow().artifacts()).isEmpty();
  }

  @Test
  void anUnparseableTomlIsAProblemNotAnError() throws Exception {
    Files.writeString(dir.resolve("jdk.toml"), "[metadata\n");

    Layers.Restored restored = new Layers(dir).restored("jdk");

    assertThat(restored.metadata()).isEmpty();
    assertThat(restored.problem().orElseThrow()).startsWith("jdk.toml cannot be read: ");
  }

  @Test
  void removeDeletesTomlSbomAndContents() throws Exception {
    Layers layers = new Layers(dir);
    layers.writeToml("spark", LayerTypes.LAUNCH_CACHE, METADATA);
    Files.writeString(layers.sbom("spark"), "{}");
    Files.createDirectories(dir.resolve("spark/dist/bin"));
    Files.createSymbolicLink(dir.resolve("spark/link"), dir.resolve("elsewhere"));

    layers.remove("spark");

    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
