package io.piobuildpack.it.cnb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piobuildpack.buildpack.cnb.CnbBuild;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import io.piobuildpack.it.files.Trees;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.PhaseRunner;
import io.piobuildpack.testsupport.archive.DistributionLayouts;
import io.piobuildpack.testsupport.archive.TarGzBuilder;
import io.piobuildpack.testsupport.http.LoopbackFileServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A copy of the packaged buildpack (system property {@code pio.it.buildpack}, set by this module's Failsafe
 * configuration to {@code buildpack/target/buildpack}) laid out as a platform does
 * ({@code <buildpacks>/<escaped id>/<version>}), whose {@code inventory.json} points at generated archives in real
 * layouts served from a loopback server; the platform, workspace and layers directories of one app; and the app
 * sources (an engine, an event-server app).
 */
final class CnbFixture implements AutoCloseable {

  /** The system property naming the packaged buildpack. */
  static final String BUILDPACK_PROPERTY = "pio.it.buildpack";
  static final String JRE_FILE = "OpenJDK17U-jre_x64_linux_hotspot_17.0.20_8.tar.gz";
  static final String SPARK_FILE = "spark-2.4.0-bin-hadoop2.7.tgz";
  /** What the builder image gives {@code bin/build}: the JDK an earlier buildpack installed (this test JVM's). */
  static final Map<String, String> BUILD_ENVIRONMENT = Map.of("JAVA_HOME", System.getProperty("java.home"));

  final Path root;
  final LoopbackFileServer server = LoopbackFileServer.start();
  final Map<String, byte[]> served = new LinkedHashMap<>();
  final Path buildpack;
  final Path platform;
  final Path workspace;
  final Path layers;
  final Path planPath;
  final Path bpPlanPath;
  final CnbLifecycle lifecycle;

  /** With the packaged buildpack the system property {@value #BUILDPACK_PROPERTY} names. */
  CnbFixture(Path root) throws IOException, InterruptedException {
    this(root, packagedBuildpack());
  }

  /** @param packaged the packaged buildpack ({@code buildpack/target/buildpack}) */
  CnbFixture(Path root, Path packaged) throws IOException, InterruptedException {
    this.root = root;
    if (!Files.isRegularFile(packaged.resolve("buildpack.toml"))) {
      throw new IllegalStateException("no packaged buildpack at " + packaged
          + " (./mvnw -pl buildpack -am package -DskipTests builds it)");
    }
    buildpack = root.resolve("buildpacks/piobuildpack_predictionio/0.1.0");
    Files.createDirectories(buildpack.getParent());
    run("cp", "-a", packaged.toAbsolutePath().toString(), buildpack.toString());
    serve("apache-predictionio-0.14.0-bin.tar.gz", DistributionLayouts.predictionIo("0.14.0").build());
    serve(SPARK_FILE, DistributionLayouts.spark("2.4.0", "2.7").build());
    serve("1.8.0_502.tar.gz", DistributionLayouts.jdk("zulu8.502").build());
    serve("1.8.0_504.tar.gz", DistributionLayouts.jdk("zulu8.504").build());
    serve(JRE_FILE, TarGzBuilder.create().executable("jdk-17.0.20+8-jre/bin/java",
        "#!/bin/sh\nexec '" + System.getProperty("java.home") + "/bin/java' \"$@\"\n").build());
    serve("postgresql-42.7.8.jar", "PK driver".getBytes());
    writeInventory();
    platform = root.resolve("platform");
    Files.createDirectories(platform.resolve("env"));
    workspace = root.resolve("workspace");
    layers = Files.createDirectories(root.resolve("layers/piobuildpack_predictionio"));
    planPath = root.resolve("plan.toml");
    bpPlanPath = root.resolve("bp-plan.toml");
    lifecycle = new CnbLifecycle(buildpack, Files.createDirectories(root.resolve("home")),
        new PhaseRunner(Duration.ofMinutes(5)));
  }

  /**
   * The packaged buildpack named by the system property {@value #BUILDPACK_PROPERTY}.
   *
   * @throws IllegalStateException when the property is not set (the tests run outside this module's Failsafe)
   */
  static Path packagedBuildpack() {
    String path = System.getProperty(BUILDPACK_PROPERTY);
    if (path == null || path.isBlank()) {
      throw new IllegalStateException("system property " + BUILDPACK_PROPERTY
          + " (the packaged buildpack, buildpack/target/buildpack) is not set");
    }
    return Path.of(path);
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

  void serve(String file, byte[] bytes) {
    served.put(file, bytes);
    server.serve("/dist/" + file, bytes);
  }

  /** Serves other bytes for an artifact and pins their checksum in the buildpack's inventory. */
  void replace(String file, byte[] bytes) throws IOException {
    serve(file, bytes);
    writeInventory();
  }

  /** The bundled inventory with every artifact served here pointing at the loopback server and its checksum. */
  private void writeInventory() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode inventory;
    try (InputStream in = CnbBuild.class.getResourceAsStream("/io/piobuildpack/buildpack/install/inventory.json")) {
      inventory = json.readTree(in);
    }
    for (JsonNode artifact : (ArrayNode) inventory.get("artifacts")) {
      String file = artifact.get("url").asText().replaceAll(".*/", "");
      String arch = artifact.get("arch").asText();
      if (served.containsKey(file) && (arch.equals("any") || arch.equals("amd64"))) {
        ObjectNode entry = (ObjectNode) artifact;
        entry.put("url", server.uri("/dist/" + file).toString());
        entry.put("checksum", sha256(served.get(file)).toString());
        entry.remove("checksumUrl");
        entry.remove("checksumAlgorithm");
      }
    }
    Files.writeString(buildpack.resolve(CnbBuild.INVENTORY_OVERRIDE), json.writeValueAsString(inventory));
  }

  /**
   * The real engines' files (engine.json, template.json, app.json, data) from {@code PIO_IT_ENGINES_DIR}, default
   * {@code ../shared/fixtures/engines} relative to the repository root.
   */
  static List<Path> realEngines() throws IOException {
    Path dir = Optional.ofNullable(System.getenv("PIO_IT_ENGINES_DIR")).map(Path::of)
        .orElse(Path.of("..", "..", "shared", "fixtures", "engines")).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("PIO_IT_ENGINES_DIR (the real engines' files) is not a directory: " + dir);
    }
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> engines = list.filter(p -> Files.isRegularFile(p.resolve("engine.json"))).sorted().toList();
      if (engines.isEmpty()) {
        throw new IllegalStateException("no engines in " + dir);
      }
      return engines;
    }
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
    PhaseResult detect = detect(Map.of());
    if (detect.exitCode() != 0) {
      throw new IllegalStateException("detect failed: " + detect.output());
    }
    CnbLifecycle.writeBuildpackPlan(planPath, alternative, bpPlanPath);
    CnbLifecycle.handOver(root);
    return lifecycle.build(workspace, layers, platform, bpPlanPath, withVariables, BUILD_ENVIRONMENT);
  }

  @Override
  public void close() {
    server.close();
  }
}
