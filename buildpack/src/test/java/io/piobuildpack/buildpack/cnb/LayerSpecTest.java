package io.piobuildpack.buildpack.cnb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reuse decision: restored metadata against what this build would write. */
class LayerSpecTest {

  private static final LayerArtifact SPARK = new LayerArtifact("spark", "2.4.0", "sha256:aa", "PINNED",
      "https://archive.apache.org/spark-2.4.0.tgz");

  private static LayerSpec spec(LayerArtifact artifact, boolean toolkitVersionMatters) {
    return new LayerSpec("spark", LayerTypes.LAUNCH_CACHE, List.of(artifact), Map.of("k", "v"),
        toolkitVersionMatters);
  }

  private static Optional<LayerMetadata> restored(LayerArtifact artifact, String toolkit) {
    return Optional.of(new LayerMetadata(LayerSpec.LAYER_FORMAT, toolkit, List.of(artifact), Map.of("k", "v")));
  }

  @Test
  void sameMetadataWithContentsIsKept() {
    assertThat(spec(SPARK, true).replaceReason(restored(SPARK, "1"), "1", true)).isEmpty();
  }

  @Test
  void noMetadataIsAFirstBuild() {
    assertThat(spec(SPARK, false).replaceReason(Optional.empty(), "1", false)).contains("not built before");
  }

  @Test
  void aVersionChangeNamesBothVersions() {
    LayerArtifact older = new LayerArtifact("spark", "2.1.1", "sha256:bb", "PINNED", SPARK.url());

    assertThat(spec(SPARK, false).replaceReason(restored(older, "1"), "1", true))
        .contains("spark version changed from 2.1.1 to 2.4.0");
  }

  @Test
  void aChecksumChangeOfTheSameVersionReplaces() {
    LayerArtifact other = new LayerArtifact("spark", "2.4.0", "sha256:bb", "PINNED", SPARK.url());

    assertThat(spec(SPARK, false).replaceReason(restored(other, "1"), "1", true))
        .contains("spark checksum changed from sha256:bb to sha256:aa");
  }

  @Test
  void metadataRestoredWithoutContentsIsRebuilt() {
    assertThat(spec(SPARK, false).replaceReason(restored(SPARK, "1"), "1", false).orElseThrow())
        .startsWith("its contents were not restored");
  }

  @Test
  void toolkitVersionCountsOnlyWhereItMatters() {
    assertThat(spec(SPARK, false).replaceReason(restored(SPARK, "0.9.0"), "1.0.0", true)).isEmpty();
    assertThat(spec(SPARK, true).replaceReason(restored(SPARK, "0.9.0"), "1.0.0", true))
        .contains("toolkit version changed from 0.9.0 to 1.0.0");
  }

  @Test
  void unverifiedDownloadsAreNeverReused() {
    LayerArtifact unverified = new LayerArtifact("spark", "2.4.0", "", "UNVERIFIED", SPARK.url());

    assertThat(spec(unverified, false).replaceReason(restored(unverified, "1"), "1", true))
        .contains("spark is an unverified download, never reused");
  }
}
