package io.piobuildpack.it.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.piobuildpack.buildpack.heroku.HerokuExitCode;
import io.piobuildpack.it.artifacts.PioRecording;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.testsupport.http.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bin/compile and bin/release run with dash on generated apps, against the harness's stand-in artifacts
 * ({@link StandInArtifacts}, served from 127.0.0.1).
 */
class HerokuCompileIT {

  @TempDir Path temp;
  private HerokuFixture fixture;
  private StandInArtifacts artifacts;
  private PioRecording recording;

  @BeforeEach
  void start() {
    fixture = new HerokuFixture(temp);
    artifacts = fixture.artifacts;
    recording = artifacts.recording();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static Map<String, String> none() {
    return Map.of();
  }

  @Test
  void engineAppGetsPredictionIoSparkJavaTheToolkitAndABuiltEngine() throws Exception {
    Path app = fixture.engineApp("engine", "0.14.0");
    Files.createDirectories(app.resolve("target/streams/old"));
    Path envDir = fixture.envDir("engine", Map.of("PIO_VERBOSE", "true"));

    PhaseResult run = fixture.compile(app, envDir, none());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).contains("-----> PredictionIO engine app (engine.json)")
        .contains("-----> Installing PredictionIO 0.14.0, Spark 2.4.0-hadoop2.7 and Java 8")
        .contains("-----> Building the engine: pio build --verbose")
        .contains("       [INFO] [Pio$] Your engine is ready for training.")
        .containsPattern("-----> Done in [0-9.]+ s: 5 installed, 0 unchanged; 5 downloaded, 0 from the build cache");
    assertThat(app.resolve("PredictionIO-dist/bin/pio")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop/bin/spark-submit")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/lib/postgresql_jdbc.jar")).hasBinaryContent(
        artifacts.bytes(StandInArtifacts.POSTGRESQL_JDBC_42_7_8));
    assertThat(app.resolve("PredictionIO-dist/conf/pio-env.sh")).exists();
    assertThat(app.resolve(".jdk/bin/java")).isExecutable();
    assertThat(app.resolve(".pio-buildpack/jre/bin/java")).isExecutable();
    assertThat(app.resolve(".pio-buildpack/lib/pio-data.jar")).hasSameBinaryContentAs(
        fixture.packaged.resolve("lib/pio-data.jar"));
    for (String launcher : List.of("pio-data", "heroku-buildpack-pio-release", "heroku-buildpack-pio-load-data",
        "heroku-buildpack-pio-train", "heroku-buildpack-pio-web")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(app.resolve("bin/" + launcher))))
          .as(launcher).isEqualTo("rwxr-xr-x");
    }
    assertThat(app.resolve(".profile.d/pio-path.sh")).exists();
    assertThat(app.resolve(".profile.d/pio-runtime.sh")).exists();
    assertThat(app.resolve(".profile.d/pio-java.sh")).content().contains("JAVA_HOME=\"$HOME\"/'.jdk'");
    assertThat(app.resolve("Procfile")).hasContent("""
        web: bin/heroku-buildpack-pio-web
        train: bin/heroku-buildpack-pio-train
        release: bin/heroku-buildpack-pio-release""");
    assertThat(app.resolve("target/scala-2.11/engine-assembly-0.1.0.jar")).exists();
    assertThat(app.resolve("target/streams")).doesNotExist();
    assertThat(recording.calls()).containsExactly("build --verbose");
    assertThat(recording.environments().get(0))
        .containsEntry("JAVA_HOME", app.resolve(".jdk").toString())
        .containsEntry("PWD", app.toString())
        .extractingByKey("SBT_OPTS").asString()
        .startsWith("-Dsbt.global.base=" + fixture.cache.resolve("pio-buildpack/sbt/global"));
    assertThat(fixture.buildpackDir.resolve("export")).content()
        .contains("export JAVA_HOME='" + app.resolve(".jdk") + "'")
        .contains("export PATH='" + app.resolve(".jdk/bin") + "'\"${PATH:+:$PATH}\"")
        .contains("export PATH='" + app.resolve("PredictionIO-dist/bin") + "'");

    PhaseResult train = new Dyno(app, fixture.runner).run("train", "bin/heroku-buildpack-pio-train", Map.of(),
        "run.1");
    assertThat(train.exitCode()).as(train.output()).isZero();
    assertThat(recording.calls()).last().asString().startsWith("train");
    List<Map<String, String>> environments = recording.environments();
    assertThat(environments.get(environments.size() - 1)).containsEntry("JAVA_HOME", app.resolve(".jdk").toString());

    PhaseResult release = fixture.release(app);
    assertThat(release.exitCode()).isZero();
    assertThat(release.stdout()).startsWith("---\n");
    JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(release.stdout());
    assertThat(yaml.get("default_process_types").get("web").asText()).isEqualTo("bin/heroku-buildpack-pio-web");
    assertThat(yaml.get("default_process_types").get("train").asText()).isEqualTo("bin/heroku-buildpack-pio-train");
    assertThat(yaml.get("default_process_types").get("release").asText())
        .isEqualTo("bin/heroku-buildpack-pio-release");
  }

  @Test
  void eventServerAppGetsOnlyTheToolkitAndItsLaunchersRun() throws Exception {
    Path app = fixture.eventServerApp("events");

    PhaseResult run = fixture.compile(app, fixture.envDir("events", Map.of()), none());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).contains("-----> PredictionIO event server app (no engine.json)")
        .contains("       Installing only the toolkit: this project's event server and data hooks need neither "
            + "PredictionIO, Spark nor Java 8.");
    assertThat(app.resolve("PredictionIO-dist")).doesNotExist();
    assertThat(app.resolve(".jdk")).doesNotExist();
    assertThat(app.resolve(".profile.d/pio-java.sh")).doesNotExist();
    assertThat(app.resolve("Procfile")).hasContent("""
        web: bin/pio-data eventserver
        release: bin/heroku-buildpack-pio-release""");
    assertThat(recording.calls()).isEmpty();
    assertThat(app.resolve(".pio-buildpack/lib/pio-data.jsa")).isNotEmptyFile();
    assertThat(run.stdout()).contains("Recorded the event server's class-data archive .pio-buildpack/lib/pio-data.jsa");

    Map<String, String> dyno = new HashMap<>();
    dyno.put("PATH", "/usr/bin:/bin");
    dyno.put("HOME", app.toString());
    dyno.put("PIO_EVENTSERVER_APP_NAME", "events");
    dyno.put("PIO_EVENTSERVER_ACCESS_KEY", "k3yForTheIntegrationTest0123456789abcdefghijklmnopqrs");
    PhaseResult version = fixture.exec(dyno, app, "bin/pio-data", "--version");
    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.stdout()).contains("pio-data");
    PhaseResult load = fixture.exec(dyno, app, "bin/heroku-buildpack-pio-load-data");
    assertThat(load.exitCode()).as(load.output()).isZero();
    assertThat(app.resolve(".pio_store/pio.db")).isNotEmptyFile();

    PhaseResult release = fixture.release(app);
    JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(release.stdout());
    assertThat(yaml.get("default_process_types").get("web").asText()).isEqualTo("bin/pio-data eventserver");
  }

  @Test
  void warmCacheCompileOfAFreshBuildDirMakesNoRequest() throws Exception {
    Path envDir = fixture.envDir("warm", Map.of());
    assertThat(fixture.compile(fixture.engineApp("cold", "0.14.0"), envDir, none()).exitCode()).isZero();
    artifacts.resetCounts();

    PhaseResult warm = fixture.compile(fixture.engineApp("warm", "0.14.0"), envDir, none());

    assertThat(warm.exitCode()).as(warm.output()).isZero();
    assertThat(artifacts.requestCount()).isZero();
    assertThat(warm.stdout()).containsPattern("Done in [0-9.]+ s: 5 installed, 0 unchanged; 0 downloaded, 5 from the "
        + "build cache");
  }

  @Test
  void compilingTheSameBuildDirTwiceKeepsEverythingAndDownloadsNothing() throws Exception {
    Path app = fixture.engineApp("twice", "0.14.0");
    Path envDir = fixture.envDir("twice", Map.of());
    assertThat(fixture.compile(app, envDir, none()).exitCode()).isZero();
    artifacts.resetCounts();

    PhaseResult again = fixture.compile(app, envDir, none());

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(artifacts.requestCount()).isZero();
    assertThat(again.stdout()).containsPattern("Done in [0-9.]+ s: 0 installed, 5 unchanged; 0 downloaded, 0 from");
    assertThat(app.resolve("PredictionIO-dist/bin/pio")).isExecutable();
    assertThat(app.resolve("target/streams")).doesNotExist();
    assertThat(recording.calls()).containsExactly("build", "build");
  }

  @Test
  void checksumMismatchFailsNamingTheDownloadAndInstallsNothingOfIt() throws Exception {
    Path app = fixture.engineApp("mismatch", "0.14.0");
    byte[] other = artifacts.bytes(StandInArtifacts.SPARK_2_1_1);
    artifacts.fault(StandInArtifacts.SPARK_2_4_0, Fault.wrongBytes(other));

    PhaseResult run = fixture.compile(app, fixture.envDir("mismatch", Map.of()), none());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.CHECKSUM_MISMATCH.code());
    String expected = artifacts.checksum(StandInArtifacts.SPARK_2_4_0);
    String got = artifacts.checksum(StandInArtifacts.SPARK_2_1_1);
    assertThat(run.stderr()).contains(" !     Error: Checksum mismatch for spark 2.4.0-hadoop2.7 from "
        + artifacts.uri(StandInArtifacts.SPARK_2_4_0) + ": expected " + expected + ", got " + got
        + "; the download was deleted.");
    assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop")).doesNotExist();
    assertThat(leftovers(app.resolve("PredictionIO-dist/vendors"))).isEmpty();
    assertThat(leftovers(fixture.cache.resolve("pio-buildpack/downloads"))).noneMatch(p -> p.contains("spark"));
  }

  @Test
  void truncatedDownloadFailsAfterItsRetriesAndInstallsNothingOfIt() throws Exception {
    Path app = fixture.engineApp("truncated", "0.14.0");
    artifacts.fault(StandInArtifacts.JDK_ZULU_1_8_0_502, Fault.truncate(100));

    PhaseResult run = fixture.compile(app, fixture.envDir("truncated", Map.of()), none());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.DOWNLOAD_FAILED.code());
    assertThat(run.stderr()).contains(" !     Error: Download of " + artifacts.uri(StandInArtifacts.JDK_ZULU_1_8_0_502)
        + " failed after 2 attempts: the connection closed after 100 of "
        + artifacts.bytes(StandInArtifacts.JDK_ZULU_1_8_0_502).length + " bytes.");
    assertThat(app.resolve(".jdk")).doesNotExist();
    assertThat(leftovers(app)).noneMatch(p -> p.contains(".jdk"));
  }

  @Test
  void templateJsonAskingForPredictionIo010FailsNamingTheFile() throws Exception {
    PhaseResult run = fixture.compile(fixture.engineApp("old", "0.10.0-incubating"), fixture.envDir("old", Map.of()), none());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.UNSUPPORTED_VERSION.code());
    assertThat(run.stderr()).startsWith(" !     Error: template.json").contains("0.10.0-incubating");
    assertThat(artifacts.requestCount()).isZero();
  }

  @Test
  void templateJsonAskingForAnUnknownVersionFailsNamingTheFile() throws Exception {
    PhaseResult run = fixture.compile(fixture.engineApp("unknown", "7.7.7"), fixture.envDir("unknown", Map.of()), none());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.UNSUPPORTED_VERSION.code());
    assertThat(run.stderr()).startsWith(" !     Error: template.json").contains("7.7.7").contains("PREDICTIONIO_DIST_URL");
  }

  @Test
  void theOriginalsErbOverrideFailsNamingTheFileAndTheWayOut() throws Exception {
    Path app = fixture.engineApp("erb", "0.14.0");
    Files.createDirectories(app.resolve("config"));
    Files.writeString(app.resolve("config/core-site.xml.erb"), "<configuration><%= ENV['X'] %></configuration>\n");

    PhaseResult run = fixture.compile(app, fixture.envDir("erb", Map.of()), none());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.INVALID_APP_FILE.code());
    assertThat(run.stderr()).startsWith(" !     Error: config/core-site.xml.erb is an ERB template of the original buildpack")
        .contains("config/core-site.xml.mustache");
  }

  @Test
  void hostileEnvDirValuesAreNeitherExportedNorExecuted() throws Exception {
    Path app = fixture.engineApp("hostile", "0.14.0");
    Path marker = temp.resolve("pwned");
    Path envDir = fixture.envDir("hostile", Map.of(
        "PATH", "/nonexistent",
        "LD_PRELOAD", "/nonexistent/evil.so",
        "JAVA_TOOL_OPTIONS", "-Dpwned=true",
        "PIO_MAVEN_REPO", "https://repo.example/m2/",
        "PIO_EVENTSERVER_APP_NAME", "$(touch " + marker + ")'; touch " + marker + "; '"));

    PhaseResult run = fixture.compile(app, envDir, none());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(marker).doesNotExist();
    assertThat(recording.environments().toString()).doesNotContain("/nonexistent");
    assertThat(recording.environments().get(0).get("PATH")).startsWith(app.resolve(".jdk/bin") + ":");
    assertThat(fixture.cache.resolve("pio-buildpack/sbt/global/pio-buildpack-resolvers.sbt")).content()
        .endsWith("resolvers += \"PIO_MAVEN_REPO\" at \"https://repo.example/m2/\"\n");
    assertThat(app.resolve("build.sbt")).hasContent("name := \"engine\"");
  }

  @Test
  void mavenRepoThatIsNotAUrlFailsNamingTheVariableAndRunsNothing() throws Exception {
    Path app = fixture.engineApp("hostile-repo", "0.14.0");
    Path marker = temp.resolve("pwned");
    Path envDir = fixture.envDir("hostile-repo", Map.of("PIO_MAVEN_REPO",
        "https://repo.example/m2\"; sys.process.Process(\"touch " + marker + "\").!; \""));

    PhaseResult run = fixture.compile(app, envDir, none());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.INVALID_SETTING.code());
    assertThat(run.stderr()).startsWith(" !     Error: PIO_MAVEN_REPO is not a URL");
    assertThat(marker).doesNotExist();
    assertThat(artifacts.requestCount()).isZero();
  }

  @Test
  void aFlagThatIsNotTrueOrFalseFailsNamingTheVariable() throws Exception {
    PhaseResult run = fixture.compile(fixture.eventServerApp("flag"), fixture.envDir("flag", Map.of("PIO_VERBOSE", "yes")),
        none());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.INVALID_SETTING.code());
    assertThat(run.stderr()).startsWith(" !     Error: PIO_VERBOSE");
  }

  @Test
  void failedPioBuildShowsItsOutputAndOneSummaryLine() throws Exception {
    Path app = fixture.engineApp("broken", "0.14.0");

    PhaseResult run = fixture.compile(app, fixture.envDir("broken", Map.of()), Map.of(StandInArtifacts.SBT_EXIT, "1"));

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.ENGINE_BUILD_FAILED.code());
    assertThat(run.stdout()).contains("       [error] (compile:compileIncremental) Compilation failed");
    assertThat(run.stderr()).isEqualTo(" !     Error: pio build failed with exit code 1; its output is above. Fix the engine's "
        + "sources or build.sbt, or set PIO_VERBOSE=true for more detail.\n");
  }

  @Test
  void eventServerFlagOnAnEngineRepositoryInstallsOnlyTheToolkit() throws Exception {
    Path app = fixture.engineApp("flagged", "0.14.0");

    PhaseResult run = fixture.compile(app, fixture.envDir("flagged", Map.of("PIO_RUN_AS_EVENTSERVER", "true")), none());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).contains("-----> PredictionIO event server app (PIO_RUN_AS_EVENTSERVER=true)");
    assertThat(app.resolve("PredictionIO-dist")).doesNotExist();
    assertThat(app.resolve("Procfile")).content().startsWith("web: bin/pio-data eventserver");
  }

  @Test
  void theAppsOwnProcfileWins() throws Exception {
    Path app = fixture.eventServerApp("own");
    Files.writeString(app.resolve("Procfile"), "web: bin/pio-data eventserver --port $PORT\n");

    PhaseResult run = fixture.compile(app, fixture.envDir("own", Map.of()), none());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(app.resolve("Procfile")).hasContent("web: bin/pio-data eventserver --port $PORT");
    assertThat(run.stdout()).contains("Procfile: the app's own (kept)");
  }

  @Test
  void jdkInstalledByTheJvmBuildpackIsReused() throws Exception {
    Path app = fixture.engineApp("jvm", "0.14.0");
    Files.createDirectories(app.resolve(".jdk/bin"));
    Files.writeString(app.resolve(".jdk/release"), "JAVA_VERSION=\"1.8.0_432\"\n");
    Files.writeString(app.resolve(".jdk/bin/java"), "#!/bin/sh\n");
    app.resolve(".jdk/bin/java").toFile().setExecutable(true);

    PhaseResult run = fixture.compile(app, fixture.envDir("jvm", Map.of()), none());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).contains("Using the JDK 1.8.0_432 another buildpack (heroku/jvm) installed in .jdk");
    assertThat(artifacts.requestCount(StandInArtifacts.JDK_ZULU_1_8_0_502)).isZero();
    assertThat(app.resolve(".jdk/release")).hasContent("JAVA_VERSION=\"1.8.0_432\"");
  }

  @Test
  void elasticsearchAndTheS3JarsAreInstalledWhenConfiguredAtBuild() throws Exception {
    Path app = fixture.engineApp("storage", "0.14.0");

    PhaseResult run = fixture.compile(app, fixture.envDir("storage", Map.of("PIO_ELASTICSEARCH_URL",
        "https://user:secret@es.example:9243", "PIO_S3_BUCKET_NAME", "bucket")), none());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(app.resolve("PredictionIO-dist/vendors/elasticsearch/bin/elasticsearch")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/lib/spark/hadoop-aws.jar")).hasBinaryContent(
        artifacts.bytes(StandInArtifacts.HADOOP_AWS_2_7_3));
    assertThat(app.resolve("PredictionIO-dist/lib/spark/aws-java-sdk.jar")).hasBinaryContent(
        artifacts.bytes(StandInArtifacts.AWS_JAVA_SDK_1_7_4));
    assertThat(app.resolve("PredictionIO-dist/conf/pio-env.sh")).content().contains("ELASTICSEARCH");
    assertThat(run.output()).doesNotContain("secret");
  }

  @Test
  void eventServerStartsFromTheBuildsClassDataArchiveAfterTheSlugMoved() throws Exception {
    Path built = fixture.eventServerApp("moving");
    assertThat(fixture.compile(built, fixture.envDir("moving", Map.of()), none()).exitCode()).isZero();
    Path app = temp.resolve("app");
    Files.move(built, app);
    Path classes = temp.resolve("classes.log");
    Map<String, String> dyno = new HashMap<>();
    dyno.put("PATH", "/usr/bin:/bin");
    dyno.put("HOME", app.toString());
    dyno.put("PIO_DATA_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);

    PhaseResult run = fixture.exec(dyno, temp, app.resolve("bin/pio-data").toString(), "eventserver", "--self-test");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(Files.readAllLines(classes)).filteredOn(l -> l.contains("io.piobuildpack.core.server")
        && l.contains("source: shared objects file (top)")).isNotEmpty();
  }

  private static List<String> leftovers(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.map(p -> dir.relativize(p).toString()).filter(p -> p.contains(".tmp")).toList();
    }
  }
}
