package io.piobuildpack.it.artifacts;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piobuildpack.buildpack.cnb.CnbBuild;
import io.piobuildpack.buildpack.install.InstallLayout;
import io.piobuildpack.buildpack.install.Installer;
import io.piobuildpack.buildpack.install.archive.TarGzExtractor;
import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import io.piobuildpack.buildpack.install.resolve.AppVersions;
import io.piobuildpack.buildpack.install.resolve.InstallPlan;
import io.piobuildpack.buildpack.install.resolve.InstallPlanner;
import io.piobuildpack.buildpack.install.resolve.InstallSettings;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.testsupport.http.Fault;
import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInArtifactsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path root;

  @TempDir
  Path work;

  private StandInArtifacts artifacts;

  @BeforeEach
  void start() {
    artifacts = StandInArtifacts.start(root.resolve("artifacts"));
  }

  @AfterEach
  void stop() {
    artifacts.close();
  }

  @Test
  void theInventoryPointsEveryServedEntryAtTheLoopbackServerAndLeavesTheRestUntouched() throws Exception {
    JsonNode bundled;
    try (InputStream in = Inventory.class.getResourceAsStream(Inventory.RESOURCE)) {
      bundled = JSON.readTree(in);
    }
    JsonNode test = JSON.readTree(artifacts.inventory().toFile());

    ObjectNode bundledRest = bundled.deepCopy();
    bundledRest.remove("artifacts");
    ObjectNode testRest = test.deepCopy();
    testRest.remove("artifacts");
    assertThat(testRest).isEqualTo(bundledRest);
    assertThat(test.get("artifacts")).hasSameSizeAs(bundled.get("artifacts"));
    Set<String> pointed = new LinkedHashSet<>();
    for (int i = 0; i < bundled.get("artifacts").size(); i++) {
      JsonNode before = bundled.get("artifacts").get(i);
      JsonNode after = test.get("artifacts").get(i);
      String upstream = before.get("url").asText();
      String file = upstream.substring(upstream.lastIndexOf('/') + 1);
      String arch = before.get("arch").asText();
      if (artifacts.files().contains(file) && (arch.equals("any") || arch.equals("amd64"))) {
        pointed.add(file);
        assertThat(after.get("url").asText()).isEqualTo(artifacts.uri(file).toString())
            .startsWith("http://127.0.0.1:").endsWith("/dist/" + file);
        assertThat(after.get("checksum").asText()).isEqualTo(artifacts.checksum(file))
            .isEqualTo("sha256:" + StandInArtifacts.sha256(artifacts.bytes(file)));
        assertThat(after.has("checksumUrl")).isFalse();
        assertThat(after.has("checksumAlgorithm")).isFalse();
        ObjectNode beforeRest = before.deepCopy();
        beforeRest.remove(List.of("url", "checksum", "checksumUrl", "checksumAlgorithm"));
        ObjectNode afterRest = after.deepCopy();
        afterRest.remove(List.of("url", "checksum"));
        assertThat(afterRest).isEqualTo(beforeRest);
      } else {
        assertThat(after).as(upstream).isEqualTo(before);
      }
    }
    List<String> expected = new ArrayList<>(artifacts.files());
    expected.remove(StandInArtifacts.PREDICTIONIO_0_12_0_INCUBATING);
    expected.remove(StandInArtifacts.PREDICTIONIO_0_11_0_INCUBATING);
    assertThat(pointed).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theCnbBuildpackGetsTheSameInventoryWhereItsBuildReadsTheOverride() throws Exception {
    Path buildpack = Files.createDirectories(work.resolve("buildpack"));
    Files.writeString(buildpack.resolve(CnbBuild.INVENTORY_OVERRIDE), "{\"stale\": true}");

    artifacts.installInventoryInto(buildpack);

    assertThat(buildpack.resolve(CnbBuild.INVENTORY_OVERRIDE)).hasSameTextualContentAs(artifacts.inventory());
  }

  @Test
  void aDefaultEngineInstallsEveryArtifactFromTheServerWithTheBuildpacksOwnInstaller() throws Exception {
    Path app = Files.createDirectories(work.resolve("app"));
    Files.writeString(app.resolve("engine.json"), "{\"id\": \"default\"}\n");
    Environment env = Environment.of(Map.of(InstallSettings.PIO_ELASTICSEARCH_URL, "http://127.0.0.1:9200",
        InstallSettings.PIO_S3_BUCKET_NAME, "bucket"));
    InstallPlan plan = new InstallPlanner(testInventory()).plan(AppVersions.read(app), InstallSettings.from(env),
        "linux", "amd64");

    assertThat(plan.artifacts()).extracting(Artifact::fileName).containsExactly(
        StandInArtifacts.PREDICTIONIO_0_14_0, StandInArtifacts.SPARK_2_4_0, StandInArtifacts.JDK_ZULU_1_8_0_502,
        StandInArtifacts.JRE_TEMURIN_17_0_20, StandInArtifacts.POSTGRESQL_JDBC_42_7_8,
        StandInArtifacts.ELASTICSEARCH_5_6_9, StandInArtifacts.HADOOP_AWS_2_7_3, StandInArtifacts.AWS_JAVA_SDK_1_7_4);
    Installer.forBuild(env, work.resolve("cache")).install(plan, InstallLayout.under(app), new InstallListener() {});

    for (Artifact artifact : plan.artifacts()) {
      assertThat(artifacts.requestCount(artifact.fileName())).as(artifact.fileName()).isEqualTo(1);
    }
    assertThat(app.resolve("PredictionIO-dist/bin/pio")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/sbt/sbt")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/" + StandInDistributions.ENGINE_SERVER_JAR)).isRegularFile();
    assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop/bin/spark-submit")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/vendors/elasticsearch/bin/elasticsearch")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/lib/spark/hadoop-aws.jar")).isRegularFile();
    assertThat(app.resolve(".jdk/release")).content().contains("JAVA_VERSION=\"1.8.0_502\"");
    assertThat(app.resolve(".pio-buildpack/jre/release")).content().contains("JAVA_VERSION=\"17.0.20\"");
    try (JarFile jdbc = new JarFile(app.resolve("PredictionIO-dist/lib/postgresql_jdbc.jar").toFile())) {
      assertThat(jdbc.getEntry("META-INF/maven/org.postgresql/postgresql/pom.properties")).isNotNull();
    }
    for (String java : List.of(".jdk/bin/java", ".jdk/jre/bin/java", ".pio-buildpack/jre/bin/java")) {
      CommandResult version = ChildProcess.of(app.resolve(java).toString(), "-version").run();
      assertThat(version).succeeded().stderrContains("version \"" + System.getProperty("java.version") + "\"");
    }
  }

  @Test
  void thePublicEnginesReleaseInstallsFromItsUrlWithItsPairedSpark() throws Exception {
    Path app = Files.createDirectories(work.resolve("app"));
    Files.writeString(app.resolve("engine.json"), "{\"id\": \"default\"}\n");
    Files.writeString(app.resolve("template.json"), "{\"pio\": {\"version\": {\"min\": \"0.12.0-incubating\"}}}");
    Environment env = Environment.of(Map.of(
        InstallSettings.PREDICTIONIO_DIST_URL, artifacts.uri(StandInArtifacts.PREDICTIONIO_0_12_0_INCUBATING).toString(),
        InstallSettings.PREDICTIONIO_DIST_CHECKSUM, artifacts.checksum(StandInArtifacts.PREDICTIONIO_0_12_0_INCUBATING),
        InstallSettings.PIO_ELASTICSEARCH_URL, "http://127.0.0.1:9200"));
    InstallPlan plan = new InstallPlanner(testInventory()).plan(AppVersions.read(app), InstallSettings.from(env),
        "linux", "amd64");

    assertThat(plan.spark().fileName()).isEqualTo(StandInArtifacts.SPARK_2_1_1);
    assertThat(plan.elasticsearch()).map(Artifact::fileName).contains(StandInArtifacts.ELASTICSEARCH_5_5_2);
    Installer installer = Installer.forBuild(env, work.resolve("cache"));
    InstallLayout layout = InstallLayout.under(app);
    installer.install(plan.predictionIo(), layout.predictionIo(), new InstallListener() {});
    installer.install(plan.spark(), layout.spark(), new InstallListener() {});
    installer.install(plan.elasticsearch().orElseThrow(), layout.elasticsearch(), new InstallListener() {});

    assertThat(app.resolve("PredictionIO-dist/bin/pio")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/lib/pio-assembly-0.12.0-incubating.jar")).isRegularFile();
    assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop/jars/spark-core_2.11-2.1.1.jar")).isRegularFile();
    assertThat(app.resolve("PredictionIO-dist/vendors/elasticsearch/lib/elasticsearch-5.5.2.jar")).isRegularFile();
  }

  @Test
  void eachArchiveUnpacksToTheTopFolderOfTheRealDownload() throws Exception {
    Map<String, String> topFolders = Map.ofEntries(
        Map.entry(StandInArtifacts.PREDICTIONIO_0_14_0, "PredictionIO-0.14.0"),
        Map.entry(StandInArtifacts.PREDICTIONIO_0_13_0, "PredictionIO-0.13.0"),
        Map.entry(StandInArtifacts.PREDICTIONIO_0_12_1, "PredictionIO-0.12.1"),
        Map.entry(StandInArtifacts.PREDICTIONIO_0_12_0_INCUBATING, "PredictionIO-0.12.0-incubating"),
        Map.entry(StandInArtifacts.PREDICTIONIO_0_11_0_INCUBATING, "PredictionIO-0.11.0-incubating"),
        Map.entry(StandInArtifacts.SPARK_2_4_0, "spark-2.4.0-bin-hadoop2.7"),
        Map.entry(StandInArtifacts.SPARK_2_1_1, "spark-2.1.1-bin-hadoop2.7"),
        Map.entry(StandInArtifacts.SPARK_2_1_0, "spark-2.1.0-bin-hadoop2.7"),
        Map.entry(StandInArtifacts.JDK_TEMURIN_8U502, "jdk8u502-b07"),
        Map.entry(StandInArtifacts.JRE_TEMURIN_17_0_20, "jdk-17.0.20+8-jre"),
        Map.entry(StandInArtifacts.ELASTICSEARCH_5_6_9, "elasticsearch-5.6.9"),
        Map.entry(StandInArtifacts.ELASTICSEARCH_5_5_2, "elasticsearch-5.5.2"));
    for (Map.Entry<String, String> archive : topFolders.entrySet()) {
      assertThat(topLevelNames(artifacts.bytes(archive.getKey()))).as(archive.getKey())
          .containsExactly(archive.getValue());
    }
    for (JsonNode entry : JSON.readTree(artifacts.inventory().toFile()).get("artifacts")) {
      String url = entry.get("url").asText();
      String file = url.substring(url.lastIndexOf('/') + 1);
      if (url.startsWith("http://127.0.0.1:") && entry.has("strip") && !entry.get("strip").asText().equals("*")) {
        assertThat(topFolders).as(file).containsEntry(file, entry.get("strip").asText());
      }
    }
    for (String herokuJdk : List.of(StandInArtifacts.JDK_ZULU_1_8_0_502, StandInArtifacts.JDK_ZULU_1_8_0_504,
        StandInArtifacts.JDK_ZULU_1_8_0_432)) {
      assertThat(topLevelNames(artifacts.bytes(herokuJdk))).as(herokuJdk)
          .containsExactlyInAnyOrder("bin", "jre", "lib", "release");
    }
  }

  @Test
  void pioRecordsEachCallsArgumentsAndEnvironmentButNoSecret() throws Exception {
    Path pio = extractPredictionIo();
    Path engine = Files.createDirectories(work.resolve("engine"));
    Map<String, String> env = Map.of("PORT", "5123", "DATABASE_URL", "postgres://u:s3cret@127.0.0.1/db",
        "PIO_STORAGE_SOURCES_PGSQL_PASSWORD", "s3cret", "PIO_STORAGE_SOURCES_PGSQL_TYPE", "jdbc");

    assertThat(ChildProcess.of("dash", pio.toString(), "train", "--", "--driver-memory", "512m").directory(engine)
        .env(env).run()).succeeded().stdoutContains("Training completed successfully.");
    assertThat(ChildProcess.of("dash", pio.toString(), "train").directory(engine).env(StandInPio.TRAIN_EXIT, "3")
        .run()).exitedWith(3);
    assertThat(ChildProcess.of("dash", pio.toString(), "status").directory(engine).run()).succeeded();

    PioRecording recording = artifacts.recording();
    assertThat(recording.calls()).containsExactly("train -- --driver-memory 512m", "train", "status");
    Map<String, String> first = recording.environments().get(0);
    assertThat(first).containsEntry("PORT", "5123").containsEntry("PWD", engine.toRealPath().toString())
        .containsEntry("PIO_STORAGE_*", "PIO_STORAGE_SOURCES_PGSQL_PASSWORD PIO_STORAGE_SOURCES_PGSQL_TYPE")
        .containsKeys(PioRecording.RECORDED_VARIABLES.toArray(String[]::new)).doesNotContainKey("DATABASE_URL");
    assertThat(recording.environments().toString()).doesNotContain("s3cret");
  }

  @Test
  void pioBuildLeavesTheAssemblyJarAndStreamsARealBuildLeaves() throws Exception {
    Path pio = extractPredictionIo();
    Path engine = Files.createDirectories(work.resolve("engine"));

    CommandResult build = ChildProcess.of("dash", pio.toString(), "build", "--verbose").directory(engine).run();

    assertThat(build).succeeded().stdoutContains("[INFO] [Pio$] Your engine is ready for training.");
    try (JarFile jar = new JarFile(engine.resolve("target/scala-2.11/engine-assembly-0.1.0.jar").toFile())) {
      assertThat(jar.getManifest()).isNotNull();
    }
    assertThat(engine.resolve("target/streams")).isDirectory();
    assertThat(artifacts.recording().calls()).containsExactly("build --verbose");
    assertThat(artifacts.recording().sbtCalls()).containsExactly("package assemblyPackageDependency");
  }

  @Test
  void pioBuildFailsWithoutAJarWhenSbtFails() throws Exception {
    Path pio = extractPredictionIo();
    Path engine = Files.createDirectories(work.resolve("engine"));

    CommandResult build = ChildProcess.of("dash", pio.toString(), "build").directory(engine)
        .env(StandInPio.SBT_EXIT, "1").run();

    assertThat(build).exitedWith(1).stdoutContains("Aborting.");
    assertThat(engine.resolve("target")).doesNotExist();
  }

  @Test
  void pioDeployServesHttpOnItsPortUntilKilled() throws Exception {
    Path pio = extractPredictionIo();
    Path engine = Files.createDirectories(work.resolve("engine"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process deploy = new ProcessBuilder("dash", pio.toString(), "deploy", "--port", Integer.toString(port), "--",
        "--driver-memory", "512m").directory(engine.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("deploy.log").toFile()).start();
    try {
      long started = System.nanoTime();
      HttpResponse<String> status = awaitAnswer(URI.create("http://127.0.0.1:" + port + "/"), deploy);
      System.out.printf("stand-in engine server answered after %d ms%n", (System.nanoTime() - started) / 1_000_000);

      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(status.body())).isEqualTo(JSON.readTree(StandInEngineServer.STATUS_BODY));
      HttpResponse<String> query = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/queries.json")).POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"u1\",\"num\":4}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(query.statusCode()).isEqualTo(200);
      assertThat(query.body()).isEqualTo("{}");
      assertThat(artifacts.recording().deployListening()).isTrue();
      assertThat(artifacts.recording().deployPort()).isEqualTo(port);
      assertThat(artifacts.recording().calls()).containsExactly("deploy --port " + port + " -- --driver-memory 512m");
      assertThat(work.resolve("deploy.log")).content().contains("Engine is deployed and running");

      deploy.destroy();
      assertThat(deploy.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(artifacts.recording().deployListening()).isFalse();
      assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
          .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    } finally {
      ChildProcess.killTree(deploy);
    }
  }

  @Test
  void faultsAndCountsApplyPerFile() throws Exception {
    String jre = StandInArtifacts.JRE_TEMURIN_17_0_20;
    String jdbc = StandInArtifacts.POSTGRESQL_JDBC_42_7_8;

    assertThat(get(jre).body()).isEqualTo(artifacts.bytes(jre));
    artifacts.fault(jre, Fault.notFound());
    assertThat(get(jre).statusCode()).isEqualTo(404);
    assertThat(get(jdbc).statusCode()).isEqualTo(200);
    artifacts.fault(jre, Fault.wrongBytes(new byte[] {1, 2, 3}));
    assertThat(get(jre).body()).containsExactly(1, 2, 3);
    artifacts.fault(jre, Fault.truncate(10));
    assertThatThrownBy(() -> get(jre)).isInstanceOf(IOException.class);
    artifacts.fault(jre, Fault.stall(10));
    HttpURLConnection stalled = (HttpURLConnection) artifacts.uri(jre).toURL().openConnection();
    stalled.setReadTimeout(500);
    try (InputStream body = stalled.getInputStream()) {
      assertThat(body.readNBytes(10)).hasSize(10);
      assertThatThrownBy(body::read).isInstanceOf(SocketTimeoutException.class);
    } finally {
      stalled.disconnect();
    }
    artifacts.clearFault(jre);
    assertThat(get(jre).body()).isEqualTo(artifacts.bytes(jre));

    assertThat(artifacts.requestCount(jre)).isEqualTo(6);
    assertThat(artifacts.requestCount(jdbc)).isEqualTo(1);
    assertThat(artifacts.requestCount()).isEqualTo(7);
    artifacts.resetCounts();
    assertThat(artifacts.requestCount()).isZero();
    assertThat(artifacts.requestCount(jre)).isZero();
    assertThatThrownBy(() -> artifacts.fault("spark-9.9.9-bin-hadoop2.7.tgz", Fault.notFound()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stand-in artifact");
  }

  private Inventory testInventory() throws IOException {
    try (InputStream in = Files.newInputStream(artifacts.inventory())) {
      return Inventory.parse(in, artifacts.inventory().toString());
    }
  }

  /** Extracts the 0.14.0 distribution as the buildpack does and returns its {@code bin/pio}. */
  private Path extractPredictionIo() throws Exception {
    Path dist = Files.createDirectories(work.resolve("dist"));
    new TarGzExtractor().extract(new ByteArrayInputStream(artifacts.bytes(StandInArtifacts.PREDICTIONIO_0_14_0)),
        dist, StandInArtifacts.PREDICTIONIO_0_14_0);
    return dist.resolve("PredictionIO-0.14.0/bin/pio");
  }

  private HttpResponse<byte[]> get(String file) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(artifacts.uri(file)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> awaitAnswer(URI uri, Process process) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      } catch (ConnectException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("no answer on " + uri + " (process alive: " + process.isAlive() + ")", e);
        }
        Thread.sleep(50);
      }
    }
  }

  private static List<String> topLevelNames(byte[] tarGz) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tarGz)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        names.add(entry.getName().split("/")[0]);
      }
    }
    return List.copyOf(names);
  }
}
