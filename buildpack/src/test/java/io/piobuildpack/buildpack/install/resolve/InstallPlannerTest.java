package io.piobuildpack.buildpack.install.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import io.piobuildpack.core.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallPlannerTest {

  private static final String SHA256 = "sha256:" + "ab".repeat(32);

  @TempDir Path app;
  private final InstallPlanner planner = new InstallPlanner(Inventory.load());
  private final Map<String, String> env = new HashMap<>();

  private InstallPlan plan(String arch) throws Exception {
    return planner.plan(AppVersions.read(app), InstallSettings.from(Environment.of(env)), "linux", arch);
  }

  private InstallPlan plan() throws Exception {
    return plan("amd64");
  }

  private void template(String version) throws Exception {
    Files.writeString(app.resolve("template.json"), "{\"pio\": {\"version\": {\"min\": \"" + version + "\"}}}");
  }

  @Test
  void withoutTemplateJsonTheDefaultReleaseAndItsSparkAreInstalled() throws Exception {
    InstallPlan plan = plan();

    assertThat(plan.predictionIo().version()).isEqualTo("0.14.0");
    assertThat(plan.predictionIo().verification()).isEqualTo(Artifact.Verification.PINNED);
    assertThat(plan.spark().version()).isEqualTo("2.4.0-hadoop2.7");
    assertThat(plan.jdk().version()).isEqualTo("1.8.0_502");
    assertThat(plan.jdk().arch()).isEqualTo("amd64");
    assertThat(plan.jre().version()).isEqualTo("17.0.20");
    assertThat(plan.postgresqlJdbc().version()).isEqualTo("42.7.8");
    assertThat(plan.elasticsearch()).isEmpty();
    assertThat(plan.s3Jars()).isEmpty();
    assertThat(plan.notes()).containsExactly(
        "No template.json pio.version.min: installing PredictionIO 0.14.0 (the default)");
  }

  @Test
  void templateVersionSelectsTheReleaseAndItsDocumentedSpark() throws Exception {
    template("0.13.0");

    InstallPlan plan = plan();

    assertThat(plan.predictionIo().version()).isEqualTo("0.13.0");
    assertThat(plan.predictionIo().verification()).isEqualTo(Artifact.Verification.PUBLISHED_FILE);
    assertThat(plan.predictionIo().checksumUrl().toString()).isEqualTo(
        "https://archive.apache.org/dist/predictionio/0.13.0/apache-predictionio-0.13.0-bin.tar.gz.sha512");
    assertThat(plan.spark().version()).isEqualTo("2.1.1-hadoop2.7");
  }

  @Test
  void unknownTemplateVersionFailsNamingTheFileTheVersionTheSupportedOnesAndTheOverride() throws Exception {
    template("0.10.0-incubating");

    assertThatThrownBy(this::plan)
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessage("template.json: pio.version.min \"0.10.0-incubating\" is not a PredictionIO version this"
            + " buildpack installs; supported: 0.12.1, 0.13.0, 0.14.0. Change pio.version.min to one of them, or set"
            + " PREDICTIONIO_DIST_URL (with PREDICTIONIO_DIST_CHECKSUM) to a binary distribution of"
            + " 0.10.0-incubating.");
  }

  @Test
  void predictionIo011IsRefusedNamingPredictionioDistUrl() throws Exception {
    template("0.11.0-incubating");

    assertThatThrownBy(this::plan)
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessage("template.json: pio.version.min \"0.11.0-incubating\" cannot be installed: Apache published"
            + " only a source release of 0.11.0-incubating (no binary distribution). Set PREDICTIONIO_DIST_URL (with"
            + " PREDICTIONIO_DIST_CHECKSUM) to a PredictionIO 0.11.0-incubating binary tarball, or change"
            + " pio.version.min to one of 0.12.1, 0.13.0, 0.14.0.");
  }

  @Test
  void predictionIo0120IncubatingIsRefusedNamingPredictionioDistUrl() throws Exception {
    template("0.12.0-incubating");

    assertThatThrownBy(this::plan)
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessage("template.json: pio.version.min \"0.12.0-incubating\" cannot be installed: no checksum was"
            + " ever pinned for the 0.12.0-incubating binary and its archive location is not confirmed, so it"
            + " cannot be installed verified. Set PREDICTIONIO_DIST_URL (with PREDICTIONIO_DIST_CHECKSUM) to a"
            + " PredictionIO 0.12.0-incubating binary tarball, or change pio.version.min to one of 0.12.1, 0.13.0,"
            + " 0.14.0.");
  }

  @Test
  void refusedReleaseIsInstalledFromTheOverrideUrlWithItsChecksum() throws Exception {
    template("0.11.0-incubating");
    env.put("PREDICTIONIO_DIST_URL", "https://example.org/PredictionIO-0.11.0-incubating.tar.gz");
    env.put("PREDICTIONIO_DIST_CHECKSUM", SHA256);

    InstallPlan plan = plan();

    assertThat(plan.predictionIo().url().toString())
        .isEqualTo("https://example.org/PredictionIO-0.11.0-incubating.tar.gz");
    assertThat(plan.predictionIo().checksum().toString()).isEqualTo(SHA256);
    assertThat(plan.predictionIo().verification()).isEqualTo(Artifact.Verification.PINNED);
    assertThat(plan.spark().version()).isEqualTo("2.1.0-hadoop2.7");
  }

  @Test
  void overrideUrlWithoutChecksumIsRefusedUnlessExplicitlyAllowed() throws Exception {
    env.put("PREDICTIONIO_DIST_URL", "https://example.org/pio.tar.gz");

    assertThatThrownBy(this::plan)
        .isInstanceOf(InvalidInstallSettingException.class)
        .hasMessage("PREDICTIONIO_DIST_URL is set without PREDICTIONIO_DIST_CHECKSUM: set it to the tarball's"
            + " checksum (sha256:<hex> or sha512:<hex>), or set PIO_ALLOW_UNVERIFIED_DOWNLOADS=true to install it"
            + " unverified.");

    env.put("PIO_ALLOW_UNVERIFIED_DOWNLOADS", "true");
    assertThat(plan().predictionIo().verification()).isEqualTo(Artifact.Verification.UNVERIFIED);
  }

  @Test
  void malformedOverrideChecksumNamesTheVariable() {
    env.put("PREDICTIONIO_DIST_URL", "https://example.org/pio.tar.gz");
    env.put("PREDICTIONIO_DIST_CHECKSUM", "md5:abc");

    assertThatThrownBy(this::plan)
        .isInstanceOf(InvalidInstallSettingException.class)
        .hasMessage("PREDICTIONIO_DIST_CHECKSUM is not a checksum: unknown checksum algorithm \"md5\" (use sha256,"
            + " sha512 or sha1)");
  }

  @Test
  void sparkVersionVariableSelectsASupportedSpark() throws Exception {
    env.put("PIO_BUILD_SPARK_VERSION", "2.4.8");

    assertThat(plan().spark().version()).isEqualTo("2.4.8-hadoop2.7");
    assertThat(plan().spark().url().toString())
        .isEqualTo("https://archive.apache.org/dist/spark/spark-2.4.8/spark-2.4.8-bin-hadoop2.7.tgz");
  }

  @Test
  void unsupportedSparkVersionNamesTheVariableAndTheSupportedOnes() {
    env.put("PIO_BUILD_SPARK_VERSION", "2.4.8");
    env.put("PIO_BUILD_HADOOP_VERSION", "2.7");

    assertThatThrownBy(() -> {
      template("0.12.1");
      plan();
    })
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessage("PIO_BUILD_SPARK_VERSION=2.4.8 is not a Spark version this buildpack installs for PredictionIO"
            + " 0.12.1; supported: 2.1.0, 2.1.1, 2.1.2, 2.1.3. Set PIO_SPARK_DIST_URL (with PIO_SPARK_DIST_CHECKSUM)"
            + " to install another Spark build.");
  }

  @Test
  void unsupportedHadoopVersionNamesTheVariable() {
    env.put("PIO_BUILD_HADOOP_VERSION", "2.6");

    assertThatThrownBy(this::plan)
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessage("PIO_BUILD_HADOOP_VERSION=2.6 is not a Hadoop flavour this buildpack installs; supported: 2.7."
            + " Set PIO_SPARK_DIST_URL (with PIO_SPARK_DIST_CHECKSUM) to install a spark-2.4.0-bin-hadoop2.6 build.");
  }

  @Test
  void sparkUrlOverrideReplacesTheInventorySpark() throws Exception {
    env.put("PIO_BUILD_HADOOP_VERSION", "2.6");
    env.put("PIO_SPARK_DIST_URL", "https://example.org/spark-2.4.0-bin-hadoop2.6.tgz");
    env.put("PIO_SPARK_DIST_CHECKSUM", SHA256);

    InstallPlan plan = plan();

    assertThat(plan.spark().version()).isEqualTo("2.4.0-hadoop2.6");
    assertThat(plan.spark().url().toString()).isEqualTo("https://example.org/spark-2.4.0-bin-hadoop2.6.tgz");
    assertThat(plan.notes()).contains(
        "Installing spark from PIO_SPARK_DIST_URL (https://example.org/spark-2.4.0-bin-hadoop2.6.tgz)");
  }

  @Test
  void systemPropertiesSelectsTheJdk() throws Exception {
    Files.writeString(app.resolve("system.properties"), "java.runtime.version=1.8\n");
    assertThat(plan().jdk().version()).isEqualTo("1.8.0_502");

    Files.writeString(app.resolve("system.properties"), "java.runtime.version=zulu-1.8.0_504\n");
    assertThat(plan("arm64").jdk().url().toString()).isEqualTo(
        "https://heroku-buildpacks-jvm.s3.dualstack.us-east-1.amazonaws.com/openjdk/zulu/arm64/1.8.0_504.tar.gz");
  }

  @Test
  void unsupportedJavaVersionNamesSystemProperties() throws Exception {
    Files.writeString(app.resolve("system.properties"), "java.runtime.version=17\n");

    assertThatThrownBy(this::plan)
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessage("system.properties: java.runtime.version \"17\" is not a JDK this buildpack installs for"
            + " linux/amd64 (PredictionIO and Spark 2.x run on Java 8); supported: 8, 1.8, 1.8.0_432, 1.8.0_502,"
            + " 1.8.0_504, 8u502-b07.");
  }

  @Test
  void extrasFollowTheOriginalsVariables() throws Exception {
    env.put("PIO_S3_BUCKET_NAME", "bucket");
    env.put("PIO_ELASTICSEARCH_URL", "https://es.example.org");

    InstallPlan plan = plan();

    assertThat(plan.elasticsearch().map(Artifact::version)).isEqualTo(Optional.of("5.6.9"));
    assertThat(plan.s3Jars()).extracting(Artifact::name).containsExactly("hadoop-aws", "aws-java-sdk");
    assertThat(plan.artifacts()).hasSize(8);
  }

  @Test
  void malformedTemplateJsonNamesTheFileAndLine() throws Exception {
    Files.writeString(app.resolve("template.json"), "{\n  \"pio\": {\n    \"version\": \n}");

    assertThatThrownBy(() -> AppVersions.read(app))
        .isInstanceOf(InvalidInstallSettingException.class)
        .hasMessageStartingWith("template.json is not valid JSON (line 4): ");
  }

  @Test
  void nonStringTemplateVersionNamesTheField() throws Exception {
    Files.writeString(app.resolve("template.json"), "{\"pio\": {\"version\": {\"min\": 14}}}");

    assertThatThrownBy(() -> AppVersions.read(app))
        .isInstanceOf(InvalidInstallSettingException.class)
        .hasMessage("template.json: pio.version.min must be a version string such as \"0.14.0\", got 14");
  }

  @Test
  void overrideUrlWithAnotherSchemeIsRefusedWithoutEchoingIt() {
    env.put("PIO_SPARK_DIST_URL", "ftp://user:secret@example.org/spark.tgz");

    assertThatThrownBy(this::plan)
        .isInstanceOf(InvalidInstallSettingException.class)
        .hasMessage("PIO_SPARK_DIST_URL must be an https://, http:// or file: URL of a tarball (its scheme is"
            + " \"ftp\")");
  }

  @Test
  void malformedOverrideUrlIsRefusedWithoutEchoingIt() {
    env.put("PREDICTIONIO_DIST_URL", "https://example.org/pio 0.14.tgz?token=secret");

    assertThatThrownBy(this::plan)
        .isInstanceOf(InvalidInstallSettingException.class)
        .hasMessage("PREDICTIONIO_DIST_URL is not a valid URL (Illegal character in path at index 23): give the"
            + " https:// URL of a tarball");
  }
}
