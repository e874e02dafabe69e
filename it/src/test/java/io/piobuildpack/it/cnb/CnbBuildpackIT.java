package io.piobuildpack.it.cnb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.buildpack.cnb.CnbExitCode;
import io.piobuildpack.buildpack.cnb.DetectPlans;
import io.piobuildpack.buildpack.detect.AppKind;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.RunningProcess;
import io.piobuildpack.testsupport.app.RealEngines;
import io.piobuildpack.testsupport.archive.DistributionLayouts;
import io.piobuildpack.testsupport.http.Fault;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged buildpack ({@code buildpack/target/buildpack}) driven as the CNB lifecycle drives it ({@link CnbLifecycle}):
 * {@code bin/detect} and {@code bin/build} with the {@code CNB_*} variables and the positional arguments, as a
 * non-root user when the tests run as root, against the harness's stand-in archives ({@link StandInArtifacts},
 * served from a loopback server; the buildpack's inventory override points there); then the processes of {@code
 * launch.toml} started with the layers' env files and {@code exec.d} applied.
 */
class CnbBuildpackIT {

  private static final String JRE_FILE = StandInArtifacts.JRE_TEMURIN_17_0_20;
  private static final String SPARK_FILE = StandInArtifacts.SPARK_2_4_0;
  private static final TomlMapper TOML = new TomlMapper();

  @TempDir Path temp;
  private CnbFixture fixture;
  private StandInArtifacts artifacts;
  private CnbLifecycle lifecycle;
  private Path platform;
  private Path workspace;
  private Path layers;
  private Path planPath;
  private final List<RunningProcess> started = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    fixture = new CnbFixture(temp);
    artifacts = fixture.artifacts;
    lifecycle = fixture.lifecycle;
    platform = fixture.platform;
    workspace = fixture.workspace;
    layers = fixture.layers;
    planPath = fixture.planPath;
  }

  @AfterEach
  void tearDown() {
    started.forEach(RunningProcess::close);
    fixture.close();
  }

  private Path engineSource(String javaVersion) throws IOException {
    return fixture.engineSource(javaVersion);
  }

  private Path eventServerSource() throws IOException {
    return fixture.eventServerSource();
  }

  private void checkout(Path source) throws Exception {
    fixture.checkout(source);
  }

  private PhaseResult detect(Map<String, String> processEnv) throws Exception {
    return fixture.detect(processEnv);
  }

  private PhaseResult detectAndBuild(int alternative, boolean withVariables) throws Exception {
    return fixture.detectAndBuild(alternative, withVariables);
  }

  private JsonNode toml(Path file) throws IOException {
    return TOML.readTree(Files.readString(file));
  }

  private static Object inode(Path file) throws IOException {
    return Files.getAttribute(file, "unix:ino");
  }

  private List<String> layerTomls() throws IOException {
    try (Stream<Path> list = Files.list(layers)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml")).sorted().toList();
    }
  }

  @Test
  void detectPassesWithEachKindsPlanAndFailsWith100Otherwise() throws Exception {
    checkout(engineSource("1.8"));
    PhaseResult engine = detect(Map.of());
    assertThat(engine.exitCode()).isZero();
    assertThat(engine.stdout()).contains("PredictionIO engine");
    assertThat(toml(planPath)).isEqualTo(TOML.readTree(DetectPlans.of(AppKind.ENGINE)
        .toToml()));

    Files.delete(planPath);
    PhaseResult positional = lifecycle.detect(workspace, platform, planPath, false, Map.of());
    assertThat(positional.exitCode()).isZero();
    assertThat(planPath).exists();

    checkout(eventServerSource());
    PhaseResult eventServer = detect(Map.of());
    assertThat(eventServer.exitCode()).isZero();
    assertThat(toml(planPath).path("requires").get(0).path("metadata").path("kind").asText())
        .isEqualTo("event-server");

    Files.delete(platform.resolve("env/PIO_RUN_AS_EVENTSERVER"));
    PhaseResult plain = detect(Map.of());
    assertThat(plain.exitCode()).isEqualTo(100);
    assertThat(planPath).doesNotExist();

    PhaseResult fromProcessEnv = detect(Map.of("PIO_RUN_AS_EVENTSERVER", "TRUE"));
    assertThat(fromProcessEnv.exitCode()).isZero();

    Files.writeString(platform.resolve("env/PIO_RUN_AS_EVENTSERVER"), "yes");
    PhaseResult bad = detect(Map.of());
    assertThat(bad.exitCode()).isEqualTo(CnbExitCode.INVALID_SETTING.code());
    assertThat(bad.stderr()).contains("PIO_RUN_AS_EVENTSERVER must be true or false, not 'yes'");
  }

  @Test
  void realEnginesDetectAsEngines() throws Exception {
    for (Path engine : RealEngines.directories()) {
      checkout(engine);

      PhaseResult detect = detect(Map.of());

      assertThat(detect.exitCode()).as(engine + ": " + detect.output()).isZero();
      assertThat(toml(planPath).path("requires").get(0).path("metadata").path("kind").asText()).as(engine.toString())
          .isEqualTo("engine");
    }
  }

  @Test
  void engineBuildWritesTypedLayersEnvFilesSbomsAndLaunchToml() throws Exception {
    checkout(engineSource("1.8"));

    PhaseResult build = detectAndBuild(1, true);

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(layerTomls()).containsExactly("downloads.toml", "engine-build.toml", "jdk.toml", "launch.toml",
        "predictionio.toml", "spark.toml", "toolkit.toml");
    for (String cacheOnly : List.of("downloads", "engine-build")) {
      assertThat(toml(layers.resolve(cacheOnly + ".toml")).path("types").toString())
          .isEqualTo("{\"launch\":false,\"build\":false,\"cache\":true}");
    }
    assertThat(build.stdout()).contains("- Building the engine: pio build",
        "      [INFO] [Pio$] Your engine is ready for training.");
    assertThat(layers.resolve("engine-build/pio-buildpack/sbt/global")).isDirectory();
    assertThat(Files.readSymbolicLink(workspace.resolve(".jdk"))).isEqualTo(layers.resolve("jdk/jdk"));
    for (String layer : List.of("jdk", "predictionio", "spark", "toolkit")) {
      JsonNode layerToml = toml(layers.resolve(layer + ".toml"));
      assertThat(layerToml.path("types").toString()).isEqualTo("{\"launch\":true,\"build\":false,\"cache\":true}");
      assertThat(layerToml.path("metadata").path("layer-format").asText()).isEqualTo("1");
      assertThat(layerToml.path("metadata").path("toolkit-version").asText()).isNotEmpty();
      JsonNode sbom = new ObjectMapper().readTree(layers.resolve(layer + ".sbom.cdx.json").toFile());
      assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
      assertThat(sbom.path("components")).hasSize(layerToml.path("metadata").path("artifacts").size());
    }
    JsonNode spark = toml(layers.resolve("spark.toml")).path("metadata").path("artifacts").get(0);
    assertThat(spark.path("name").asText()).isEqualTo("spark");
    assertThat(spark.path("version").asText()).startsWith("2.4.0");
    assertThat(spark.path("checksum").asText()).isEqualTo(artifacts.checksum(SPARK_FILE));
    assertThat(spark.path("url").asText()).isEqualTo(artifacts.uri(SPARK_FILE).toString());
    JsonNode sparkComponent = new ObjectMapper().readTree(layers.resolve("spark.sbom.cdx.json").toFile())
        .path("components").get(0);
    assertThat(sparkComponent.path("hashes").get(0).path("alg").asText()).isEqualTo("SHA-256");
    assertThat(sparkComponent.path("externalReferences").get(0).path("url").asText())
        .isEqualTo(artifacts.uri(SPARK_FILE).toString());
    assertThat(toml(layers.resolve("predictionio.toml")).path("metadata").path("artifacts").findValuesAsText("name"))
        .containsExactly("predictionio", "postgresql-jdbc");
    assertThat(toml(layers.resolve("toolkit.toml")).path("metadata").path("artifacts").findValuesAsText("name"))
        .containsExactly("jre", "pio-data");

    assertThat(layers.resolve("jdk/env.launch/JAVA_HOME.override")).hasContent(layers.resolve("jdk/jdk").toString());
    assertThat(layers.resolve("jdk/env.launch/PATH.prepend")).hasContent(layers.resolve("jdk/jdk/bin").toString());
    assertThat(layers.resolve("jdk/env.launch/PATH.delim")).hasContent(":");
    assertThat(layers.resolve("spark/env.launch/SPARK_HOME.override"))
        .hasContent(layers.resolve("spark/dist").toString());
    assertThat(layers.resolve("predictionio/env.launch/PIO_HOME.override"))
        .hasContent(layers.resolve("predictionio/dist").toString());
    assertThat(layers.resolve("toolkit/exec.d/pio-runtime")).isExecutable();
    assertThat(Files.readSymbolicLink(workspace.resolve("PredictionIO-dist")))
        .isEqualTo(layers.resolve("predictionio/dist"));
    assertThat(layers.resolve("predictionio/dist/vendors/spark-hadoop/bin/spark-submit")).isExecutable();
    assertThat(layers.resolve("predictionio/dist/conf/pio-env.sh")).exists();
    if (CnbLifecycle.runningAsRoot()) {
      assertThat(Files.getAttribute(layers.resolve("spark/dist"), "unix:uid")).isEqualTo(CnbLifecycle.USER_ID);
    }

    JsonNode processes = toml(layers.resolve("launch.toml")).path("processes");
    assertThat(processes.findValuesAsText("type")).containsExactly("web", "release", "train", "load-data",
        "eventserver");
    assertThat(processes.get(0).path("default").asBoolean()).isTrue();
    assertThat(processes.findValues("default").stream().filter(JsonNode::asBoolean)).hasSize(1);
    assertThat(processes.get(0).path("command").get(0).asText())
        .isEqualTo(workspace.resolve("bin/heroku-buildpack-pio-web").toString());
    assertThat(processes.get(1).path("command").isArray()).isTrue();

    Map<String, String> env = lifecycle.launchEnvironment(workspace, layers, "web", Map.of());
    assertThat(env).containsEntry("JAVA_HOME", layers.resolve("jdk/jdk").toString())
        .containsEntry("PIO_HOME", layers.resolve("predictionio/dist").toString())
        .containsEntry("SPARK_HOME", layers.resolve("spark/dist").toString());
    assertThat(env.get("PATH")).isEqualTo(layers.resolve("predictionio/dist/bin") + ":"
        + layers.resolve("jdk/jdk/bin") + ":/usr/local/bin:/usr/bin:/bin");
    assertThat(env).containsEntry("SPARK_LOCAL_IP", "127.0.0.1");
  }

  @Test
  void rebuildWithRestoredLayersDownloadsNothingAndKeepsEveryLayer() throws Exception {
    Path source = engineSource("1.8");
    checkout(source);
    assertThat(detectAndBuild(1, true).exitCode()).isZero();
    Map<String, Object> inodes = new LinkedHashMap<>();
    for (String file : List.of("jdk/jdk/bin/java", "spark/dist/bin/spark-submit", "predictionio/dist/bin/pio",
        "toolkit/jre/bin/java", "toolkit/lib/pio-data.jar")) {
      inodes.put(file, inode(layers.resolve(file)));
    }
    CnbLifecycle.restoreForRebuild(layers);
    assertThat(toml(layers.resolve("spark.toml")).has("types")).isFalse();
    assertThat(layers.resolve("launch.toml")).doesNotExist();
    checkout(source);
    artifacts.resetCounts();

    PhaseResult rebuild = detectAndBuild(1, true);

    assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
    assertThat(artifacts.requestCount()).isZero();
    for (String layer : List.of("jdk", "spark", "predictionio", "toolkit")) {
      assertThat(rebuild.stdout()).contains("- Layer " + layer + ": reusing");
      assertThat(toml(layers.resolve(layer + ".toml")).path("types").path("launch").asBoolean()).isTrue();
    }
    for (Map.Entry<String, Object> file : inodes.entrySet()) {
      assertThat(inode(layers.resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
    }
    assertThat(layers.resolve("launch.toml")).exists();
    assertThat(Files.readSymbolicLink(workspace.resolve("PredictionIO-dist")))
        .isEqualTo(layers.resolve("predictionio/dist"));
  }

  @Test
  void metadataRestoredFromTheImageWithoutTheCacheRebuildsEachLayerAndSaysWhy() throws Exception {
    Path source = engineSource("1.8");
    checkout(source);
    assertThat(detectAndBuild(1, true).exitCode()).isZero();
    CnbLifecycle.restoreWithoutCache(layers);
    assertThat(layers.resolve("spark.toml")).exists();
    assertThat(layers.resolve("spark")).doesNotExist();
    checkout(source);
    artifacts.resetCounts();

    PhaseResult rebuild = detectAndBuild(1, true);

    assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
    for (String layer : List.of("jdk", "spark", "predictionio", "toolkit")) {
      assertThat(rebuild.stdout()).contains("- Layer " + layer + ": installing").contains(
          "(its contents were not restored (the build cache was cleared or does not match the image))");
      assertThat(toml(layers.resolve(layer + ".toml")).path("types").path("launch").asBoolean()).isTrue();
    }
    assertThat(layers.resolve("spark/dist/bin/spark-submit")).isExecutable();
    for (String archive : CnbFixture.ENGINE_BUILD_ARCHIVES) { // every archive the build needs once, nothing else
      assertThat(artifacts.requestCount(archive)).as(archive).isEqualTo(1);
    }
    assertThat(artifacts.requestCount()).isEqualTo(CnbFixture.ENGINE_BUILD_ARCHIVES.size());
  }

  @Test
  void aJdkVersionChangeReplacesOnlyTheJdkLayerAndSaysWhy() throws Exception {
    checkout(engineSource("1.8"));
    assertThat(detectAndBuild(1, true).exitCode()).isZero();
    Object sparkInode = inode(layers.resolve("spark/dist/bin/spark-submit"));
    CnbLifecycle.restoreForRebuild(layers);
    Files.delete(temp.resolve("source-engine/system.properties"));
    checkout(engineSource("1.8.0_504"));
    artifacts.resetCounts();

    PhaseResult rebuild = detectAndBuild(1, true);

    assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
    assertThat(rebuild.stdout()).contains(
        "- Layer jdk: installing jdk 1.8.0_504 (jdk version changed from 1.8.0_502 to 1.8.0_504)");
    for (String kept : List.of("spark", "predictionio", "toolkit")) {
      assertThat(rebuild.stdout()).contains("- Layer " + kept + ": reusing");
    }
    assertThat(artifacts.requestCount(StandInArtifacts.JDK_ZULU_1_8_0_504)).isEqualTo(1);
    assertThat(artifacts.requestCount()).isEqualTo(1);
    assertThat(inode(layers.resolve("spark/dist/bin/spark-submit"))).isEqualTo(sparkInode);
    assertThat(toml(layers.resolve("jdk.toml")).path("metadata").path("artifacts").get(0).path("version").asText())
        .isEqualTo("1.8.0_504");
  }

  @Test
  void aChecksumMismatchFailsTheBuildWithTheExactMessageAndWritesNoLayerForIt() throws Exception {
    checkout(engineSource("1.8"));
    byte[] tampered = DistributionLayouts.spark("2.4.0", "2.7").file("spark-2.4.0-bin-hadoop2.7/EVIL", "x").build();
    artifacts.fault(SPARK_FILE, Fault.wrongBytes(tampered));

    PhaseResult build = detectAndBuild(1, true);

    assertThat(build.exitCode()).isEqualTo(CnbExitCode.CHECKSUM_MISMATCH.code());
    assertThat(build.stderr()).contains("! ERROR: Checksum mismatch for spark 2.4.0-hadoop2.7 from "
        + artifacts.uri(SPARK_FILE) + ": expected " + CnbFixture.sha256(artifacts.bytes(SPARK_FILE))
        + ", got " + CnbFixture.sha256(tampered) + "; the download was deleted.");
    assertThat(layers.resolve("spark.toml")).doesNotExist();
    assertThat(layers.resolve("spark")).doesNotExist();
    assertThat(layers.resolve("spark.sbom.cdx.json")).doesNotExist();
    assertThat(layers.resolve("launch.toml")).doesNotExist();
  }

  @Test
  void aFailingEngineBuildFailsTheBuildWithItsOutputAndExitCode10() throws Exception {
    checkout(engineSource("1.8"));

    // the stand-in sbt fails with 3; the stand-in pio build then exits 1, as PredictionIO's does
    PhaseResult build = fixture.detectAndBuild(1, true, Map.of(StandInArtifacts.SBT_EXIT, "3"));

    assertThat(build.exitCode()).isEqualTo(CnbExitCode.ENGINE_BUILD_FAILED.code());
    assertThat(build.stdout()).contains("      [error] (compile:compileIncremental) Compilation failed")
        .containsPattern("\n      \\[ERROR\\] \\[Engine\\$\\] Return code of build command: \\S+/sbt/sbt  package "
            + "assemblyPackageDependency is 3\\. Aborting\\.\n");
    assertThat(build.stderr()).contains("! ERROR: pio build failed with exit code 1; its output is above.");
    assertThat(layers.resolve("launch.toml")).doesNotExist();
  }

  @Test
  void afterAJdkBuildpackTheEngineHasNoJdkLayerAndPositionalArgumentsSuffice() throws Exception {
    checkout(engineSource("1.8"));

    PhaseResult build = detectAndBuild(0, false);

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(build.stdout()).contains("JDK: provided by an earlier buildpack");
    assertThat(layerTomls()).containsExactly("downloads.toml", "engine-build.toml", "launch.toml",
        "predictionio.toml", "spark.toml", "toolkit.toml");
    assertThat(layers.resolve("jdk")).doesNotExist();
    // the JAVA_HOME the earlier JDK buildpack's build layer set (the emulation's build environment)
    assertThat(Files.readSymbolicLink(workspace.resolve(".jdk"))).isEqualTo(Path.of(System.getProperty("java.home")));
    for (String jdk : CnbFixture.JDK_ARCHIVES) {
      assertThat(artifacts.requestCount(jdk)).as(jdk).isZero();
    }
  }

  @Test
  void eventServerAppGetsOnlyTheToolkitLayerAndItsEventServerAnswers() throws Exception {
    checkout(eventServerSource());

    PhaseResult build = detectAndBuild(0, true);

    assertThat(build.exitCode()).as(build.output()).isZero();
    assertThat(layerTomls()).containsExactly("downloads.toml", "launch.toml", "toolkit.toml");
    assertThat(artifacts.requestCount(JRE_FILE)).isEqualTo(1);
    assertThat(artifacts.requestCount()).isEqualTo(1);
    assertThat(layers.resolve("toolkit/env.launch/PIO_RUN_AS_EVENTSERVER.default")).hasContent("true");
    JsonNode processes = toml(layers.resolve("launch.toml")).path("processes");
    assertThat(processes.findValuesAsText("type")).containsExactly("eventserver", "web", "release", "load-data");
    assertThat(processes.get(0).path("default").asBoolean()).isTrue();

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = temp.resolve("eventserver.log");
    started.add(lifecycle.launch(workspace, layers, "eventserver", Map.of("PORT", Integer.toString(port)), log));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpResponse<String> answer = null;
    Instant deadline = Instant.now().plusSeconds(60);
    while (answer == null && Instant.now().isBefore(deadline) && started.get(0).isAlive()) {
      try {
        answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.net.ConnectException notYet) {
        started.get(0).awaitExit(Duration.ofMillis(200));
      }
    }
    assertThat(answer).as(Files.readString(log)).isNotNull();
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("alive");
  }

  @Test
  void theReleaseProcessLoadsTheInitialEventsIntoPostgres() throws Exception {
    checkout(engineSource("1.8"));
    assertThat(detectAndBuild(1, true).exitCode()).isZero();
    try (TestDatabase database = TestDatabase.create()) {
      Map<String, String> env = new LinkedHashMap<>();
      // as a platform gives it: only DATABASE_URL; exec.d turns it into PredictionIO's variables at start
      java.util.regex.Matcher jdbc = java.util.regex.Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)\\?user=(.+)")
          .matcher(database.jdbcUrl());
      assertThat(jdbc.matches()).as(database.jdbcUrl()).isTrue();
      env.put("DATABASE_URL", "postgres://" + jdbc.group(3) + "@" + jdbc.group(1) + "/" + jdbc.group(2));
      env.put("PIO_POSTGRES_OPTIONAL_SSL", "true");
      env.put("PIO_EVENTSERVER_APP_NAME", "cnb-app");
      env.put("PIO_EVENTSERVER_ACCESS_KEY", "cnb-test-access-key");
      Path log = temp.resolve("release.log");
      assertThat(lifecycle.launchEnvironment(workspace, layers, "release", env).get("PIO_STORAGE_SOURCES_PGSQL_URL"))
          .startsWith("jdbc:postgresql://" + jdbc.group(1) + "/" + jdbc.group(2));

      RunningProcess release = lifecycle.launch(workspace, layers, "release", env, log);
      started.add(release);

      assertThat(release.awaitExit(Duration.ofMinutes(3))).isTrue();
      assertThat(release.exitCode()).as(Files.readString(log)).isZero();
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        ResultSet app = statement.executeQuery("SELECT id FROM pio_meta_apps WHERE name = 'cnb-app'");
        assertThat(app.next()).isTrue();
        int appId = app.getInt(1);
        ResultSet events = statement.executeQuery("SELECT count(*) FROM pio_event_" + appId);
        events.next();
        assertThat(events.getInt(1)).isGreaterThanOrEqualTo(2);
      }
    }
  }
}
