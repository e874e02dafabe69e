package io.piobuildpack.it.cnb;

import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import io.piobuildpack.it.PackagedBuildpack;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.files.Trees;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.PhaseRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of the packaged buildpack ({@link PackagedBuildpack#directory()}) laid out as a platform does
 * ({@code <buildpacks>/<escaped id>/<version>}) holding the test inventory of the harness's {@link StandInArtifacts}
 * (stand-ins in the real layouts under their upstream names, served from a loopback server); the platform,
 * workspace and layers directories of one app; and the app sources (an engine, an event-server app). Files under
 * the root: {@code buildpacks/}, {@code artifacts/}, {@code platform/}, {@code workspace/}, {@code layers/}, the
 * plans, {@code home/} and the sources.
 */
final class CnbFixture implements AutoCloseable {

  /**
   * What an engine's first build downloads with the default JDK ({@code java.runtime.version=1.8}), each once:
   * PredictionIO 0.14.0, its Spark, the JDK, the toolkit's JRE and the PostgreSQL driver; not the other JDKs.
   */
  static final List<String> ENGINE_BUILD_ARCHIVES = List.of(StandInArtifacts.PREDICTIONIO_0_14_0,
      StandInArtifacts.SPARK_2_4_0, StandInArtifacts.JDK_ZULU_1_8_0_502, StandInArtifacts.JRE_TEMURIN_17_0_20,
      StandInArtifacts.POSTGRESQL_JDBC_42_7_8);
  /** Every JDK the stand-ins serve for amd64. */
  static final List<String> JDK_ARCHIVES = List.of(StandInArtifacts.JDK_ZULU_1_8_0_502,
      StandInArtifacts.JDK_ZULU_1_8_0_504, StandInArtifacts.JDK_ZULU_1_8_0_432, StandInArtifacts.JDK_TEMURIN_8U502);
  /** What the builder image gives {@code bin/build}: the JDK an earlier buildpack installed (this test JVM's). */
  static final Map<String, String> BUILD_ENVIRONMENT = Map.of("JAVA_HOME", System.getProperty("java.home"));

  final Path root;
  final StandInArtifacts artifacts;
  final Path buildpack;
  final Path platform;
  final Path workspace;
  final Path layers;
  final Path planPath;
  final Path bpPlanPath;
  final CnbLifecycle lifecycle;

  /** With the packaged buildpack of {@link PackagedBuildpack#directory()}. */
  CnbFixture(Path root) throws IOException, InterruptedException {
    this(root, PackagedBuildpack.directory());
  }

  /**
   * @param packaged the packaged buildpack ({@code buildpack/target/buildpack})
   * @throws IllegalStateException when {@code packaged} is not a packaged buildpack
   */
  CnbFixture(Path root, Path packaged) throws IOException, InterruptedException {
    this.root = root;
    Path source = PackagedBuildpack.at(packaged);
    buildpack = root.resolve("buildpacks/piobuildpack_predictionio/0.1.0");
    Files.createDirectories(buildpack.getParent());
    run("cp", "-a", source.toString(), buildpack.toString());
    artifacts = StandInArtifacts.start(root.resolve("artifacts"));
    artifacts.installInventoryInto(buildpack);
    platform = root.resolve("platform");
    Files.createDirectories(platform.resolve("env"));
    workspace = root.resolve("workspace");
    layers = Files.createDirectories(root.resolve("layers/piobuildpack_predictionio"));
    planPath = root.resolve("plan.toml");
    bpPlanPath = root.resolve("bp-plan.toml");
    lifecycle = new CnbLifecycle(buildpack, Files.createDirectories(root.resolve("home")),
        new PhaseRunner(Duration.ofMinutes(5)));
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  /** The SHA-256 of bytes, as the inventory and the buildpack's messages write it ({@code sha256:<hex>}). */
  static Checksum sha256(byte[] bytes) {
    return Checksum.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA256.newDigest().digest(bytes));
  }

  /** An engine: engine.json, template.json (0.14.0), system.properties, two initial events. */
  Path engineSource(String javaVersion) throws IOException {
    Path source = Files.createDirectories(root.resolve("source-engine"));
    Files.writeString(source.resolve("engine.json"), "{\"id\": \"default\", \"engineFactory\": \"x.Engine\"}\n");
    Files.writeString(source.resolve("template.json"), "{\"pio\": {\"version\": {\"min\": \"0.14.0\"}}}\n");
    Files.writeString(source.resolve("system.properties"), "java.runtime.version=" + javaVersion + "\n");
    Files.createDirectories(source.resolve("data"));
    Files.writeString(source.resolve("data/initial-events.json"),
        "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\","
            + "\"targetEntityId\":\"i1\",\"properties\":{\"rating\":5},\"eventTime\":\"2024-01-01T00:00:00.000Z\"}\n"
            + "{\"event\":\"buy\",\"entityType\":\"user\",\"entityId\":\"u2\",\"targetEntityType\":\"item\","
            + "\"targetEntityId\":\"i2\",\"eventTime\":\"2024-01-02T00:00:00.000Z\"}\n");
    return source;
  }

  /** An app with no engine; {@code PIO_RUN_AS_EVENTSERVER=true} in the platform's env/. */
  Path eventServerSource() throws IOException {
    Path source = Files.createDirectories(root.resolve("source-eventserver"));
    Files.writeString(source.resolve("README.md"), "an event server\n");
    Files.writeString(platform.resolve("env/PIO_RUN_AS_EVENTSERVER"), "true");
    return source;
  }

  /** A fresh checkout of the source as the app directory (the same path every build, like /workspace). */
  void checkout(Path source) throws IOException, InterruptedException {
    Trees.delete(workspace);
    run("cp", "-a", source.toString(), workspace.toString());
  }

  PhaseResult detect(Map<String, String> processEnv) throws IOException, InterruptedException {
    Files.deleteIfExists(planPath);
    CnbLifecycle.handOver(root);
    return lifecycle.detect(workspace, platform, planPath, true, processEnv);
  }

  /** detect, the Buildpack Plan of {@code alternative}, then build (with {@link #BUILD_ENVIRONMENT}). */
  PhaseResult detectAndBuild(int alternative, boolean withVariables) throws IOException, InterruptedException {
    return detectAndBuild(alternative, withVariables, Map.of());
  }

  /** {@link #detectAndBuild(int, boolean)} with {@code buildEnv} added to {@link #BUILD_ENVIRONMENT}. */
  PhaseResult detectAndBuild(int alternative, boolean withVariables, Map<String, String> buildEnv)
      throws IOException, InterruptedException {
    PhaseResult detect = detect(Map.of());
    if (detect.exitCode() != 0) {
      throw new IllegalStateException("detect failed: " + detect.output());
    }
    CnbLifecycle.writeBuildpackPlan(planPath, alternative, bpPlanPath);
    CnbLifecycle.handOver(root);
    Map<String, String> env = new HashMap<>(BUILD_ENVIRONMENT);
    env.putAll(buildEnv);
    return lifecycle.build(workspace, layers, platform, bpPlanPath, withVariables, env);
  }

  /** Stops the artifact server; the files stay (the test's temporary directory removes them). */
  @Override
  public void close() {
    artifacts.close();
  }
}
