package io.piobuildpack.buildpack.install.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {

  private final Inventory inventory = Inventory.load();

  @Test
  void everyEntryIsVerifiedByAPinnedChecksumOrAPublishedChecksumFileAndNamesItsSource() {
    assertThat(inventory.artifacts()).isNotEmpty().allSatisfy(artifact -> {
      assertThat(artifact.verification()).isNotEqualTo(Artifact.Verification.UNVERIFIED);
      assertThat(artifact.source()).startsWith(artifact.checksum() != null ? "pinned" : "published file");
      assertThat(artifact.url().getScheme()).isEqualTo("https");
    });
  }

  @Test
  void holdsEveryInstallableTheBuildpackNeeds() {
    assertThat(inventory.releases()).extracting(Release::version).containsExactly("0.14.0", "0.13.0", "0.12.1");
    for (String version : List.of("0.12.1", "0.13.0", "0.14.0")) {
      assertThat(inventory.find("predictionio", version, "linux", "amd64")).isPresent();
    }
    assertThat(inventory.refusedReleases()).extracting(RefusedRelease::version)
        .containsExactly("0.12.0-incubating", "0.11.0-incubating");
    for (String arch : List.of("amd64", "arm64")) {
      assertThat(inventory.find("jdk", "1.8.0_502", "linux", arch)).isPresent();
      assertThat(inventory.find("jre", "17.0.20", "linux", arch)).isPresent();
    }
    assertThat(inventory.find("postgresql-jdbc", "42.7.8", "linux", "amd64")).isPresent();
    assertThat(inventory.find("elasticsearch", "5.6.9", "linux", "amd64")).isPresent();
    assertThat(inventory.find("elasticsearch", "5.5.2", "linux", "amd64")).isPresent();
    assertThat(inventory.find("hadoop-aws", "2.7.3", "linux", "amd64")).isPresent();
    assertThat(inventory.find("aws-java-sdk", "1.7.4", "linux", "amd64")).isPresent();
  }

  @Test
  void everyReleaseDefaultSparkIsInTheInventory() {
    assertThat(inventory.releases()).allSatisfy(release -> {
      assertThat(release.sparkVersions()).contains(release.sparkDefault());
      assertThat(inventory.find("spark", release.sparkDefault() + "-hadoop2.7", "linux", "amd64")).isPresent();
    });
  }

  @Test
  void predictionIoArchivesStripTheirDocumentedTopFolder() {
    assertThat(inventory.find("predictionio", "0.14.0", "linux", "amd64").orElseThrow().strip())
        .isEqualTo("PredictionIO-0.14.0");
  }

  @Test
  void checksumsKeepTheirPinnedValueLowerCased() {
    Artifact spark246 = inventory.find("spark", "2.4.6-hadoop2.7", "linux", "amd64").orElseThrow();

    assertThat(spark246.checksum().toString()).isEqualTo("sha512:3a9f401eda9b5749cdafd246b1d14219229c26387017791c345"
        + "a23a65782fb8b25a302bf4ac1ed7c16a1fe83108e94e55dad9639a51c751d81c8c0534a4a9641");
  }

  @Test
  void malformedEntryIsReportedWithTheFileAndTheEntry() {
    String json = "{\"predictionio\": {\"default\": \"1\", \"releases\": []}, \"artifacts\": ["
        + "{\"name\": \"spark\", \"version\": \"9\", \"os\": \"any\", \"arch\": \"any\", \"format\": \"tar.gz\","
        + " \"url\": \"https://x/y.tgz\", \"checksum\": \"sha256:abc\", \"source\": \"s\"}]}";

    assertThatThrownBy(() -> Inventory.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            "test.json"))
        .isInstanceOf(InventoryException.class)
        .hasMessage("test.json artifacts[0] (spark 9): a sha256 checksum has 64 hex digits, got \"abc\"");
  }
}
