package io.piobuildpack.buildpack.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import io.piobuildpack.testsupport.archive.TarGzBuilder;
import io.piobuildpack.testsupport.http.LoopbackFileServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged buildpack ({@code target/buildpack}) run as Heroku runs it: each {@code bin/*} script with
 * {@code dash}, against a loopback server serving generated archives in the real layouts, listed in a test inventory
 * ({@code PIO_BUILDPACK_INVENTORY}). The PredictionIO distribution's {@code bin/pio} and {@code sbt/sbt} record their
 * arguments and environment in {@link #record} and act like the real ones ({@code pio build} writes the engine's
 * jar and {@code target/streams}). The toolkit's JRE is a wrapper running this test's own Java 17.
 */
final class BuildpackFixture implements AutoCloseable {

  static final Path PACKAGED = Path.of("target/buildpack").toAbsolutePath();
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  final Path root;
  final Path buildpack;
  final Path cache;
  final Path record;
  final Path inventory;
  final LoopbackFileServer server = LoopbackFileServer.start();
  final Map<String, byte[]> files = new LinkedHashMap<>();

  /** A process's outcome. */
  record Run(int exit, String stdout, String stderr) {
    String all() {
      return stdout + stderr;
    }
  }

  BuildpackFixture(Path root) throws IOException {
    this.root = root;
    this.buildpack = root.resolve("buildpack");
    this.cache = root.resolve("cache");
    this.record = Files.createDirectories(root.resolve("record"));
    if (!Files.isRegularFile(PACKAGED.resolve("lib/pio-data.jar"))) {
      throw new IllegalStateException(PACKAGED + " is missing: run the package phase first");
    }
    copyBin(PACKAGED, buildpack);
    Files.createSymbolicLink(buildpack.resolve("lib"), PACKAGED.resolve("lib"));
    serve("apache-predictionio-0.14.0-bin.tar.gz", predictionIo("0.14.0"));
    serve("apache-predictionio-0.12.0-incubating-bin.tar.gz", predictionIo("0.12.0-incubating"));
    serve("spark-2.4.0-bin-hadoop2.7.tgz", spark("2.4.0"));
    serve("spark-2.1.1-bin-hadoop2.7.tgz", spark("2.1.1"));
    serve("zulu8.jdk.tar.gz", jdk());
    serve("OpenJDK17U-jre_x64_linux_hotspot_17.0.20_8.tar.gz", jre());
    serve("elasticsearch-5.6.9.tar.gz", TarGzBuilder.create().directory("elasticsearch-5.6.9/", 0755)
        .executable("elasticsearch-5.6.9/bin/elasticsearch", "#!/bin/sh\n").build());
    serve("hadoop-aws-2.7.3.jar", "PK hadoop-aws".getBytes(StandardCharsets.UTF_8));
    serve("aws-java-sdk-1.7.4.jar", "PK aws-java-sdk".getBytes(StandardCharsets.UTF_8));
    serve("postgresql-42.7.8.jar", "PK postgresql driver 42.7.8".getBytes(StandardCharsets.UTF_8));
    inventory = root.resolve("inventory.json");
    writeInventory();
  }

  private void serve(String name, byte[] bytes) {
    files.put(name, bytes);
    server.serve("/dist/" + name, bytes);
  }

  /** PredictionIO's binary layout with a recording {@code bin/pio} and {@code sbt/sbt}. */
  static byte[] predictionIo(String version) {
    String top = "PredictionIO-" + version + "/";
    String pio = """
        #!/bin/sh
        printf '%s\\n' "$*" >> "$PIO_IT_RECORD/pio.args"
        printf 'JAVA_HOME=%s\\nSBT_OPTS=%s\\nPWD=%s\\nPATH=%s\\n' "$JAVA_HOME" "${SBT_OPTS:-}" "$(pwd)" "$PATH" \\
          >> "$PIO_IT_RECORD/pio.env"
        if [ "$1" = build ]; then
          echo "[INFO] [Engine$] Using command 'sbt package assemblyPackageDependency'"
          if [ -n "${PIO_IT_BUILD_FAIL:-}" ]; then
            echo "[ERROR] $PIO_IT_BUILD_FAIL"
            exit 1
          fi
          mkdir -p target/scala-2.11 target/streams/compile
          echo engine > target/scala-2.11/engine-assembly-0.1-deps.jar
          echo stream > target/streams/compile/out
          echo "[INFO] [Console$] Your engine is ready for training."
        fi
        """;
    String sbt = """
        #!/bin/sh
        printf '%s\\n' "$*" >> "$PIO_IT_RECORD/sbt.args"
        echo "[info] sbt $*"
        exit "${PIO_IT_SBT_EXIT:-0}"
        """;
    return TarGzBuilder.create()
        .directory(top, 0755)
        .executable(top + "bin/pio", pio)
        .file(top + "conf/pio-env.sh.template", "# PredictionIO " + version + "\n")
        .file(top + "lib/pio-assembly-" + version + ".jar", new byte[4096], 0644)
        .file(top + "project/build.properties", "sbt.version=1.2.3\n")
        .executable(top + "sbt/sbt", sbt)
        .build();
  }

  static byte[] spark(String version) {
    String top = "spark-" + version + "-bin-hadoop2.7/";
    return TarGzBuilder.create()
        .directory(top, 0755)
        .executable(top + "bin/spark-submit", "#!/bin/sh\necho \"Spark " + version + "\"\n")
        .file(top + "conf/spark-defaults.conf.template", "# spark.master local\n")
        .file(top + "jars/spark-core_2.11-" + version + ".jar", new byte[4096], 0644)
        .build();
  }

  static byte[] jdk() {
    return TarGzBuilder.create()
        .directory("zulu8/", 0755)
        .executable("zulu8/bin/java", "#!/bin/sh\necho 'openjdk version \"1.8.0_502\"' >&2\n")
        .file("zulu8/release", "JAVA_VERSION=\"1.8.0_502\"\n")
        .file("zulu8/jre/lib/rt.jar", new byte[8192], 0644)
        .build();
  }

  /** A "JRE 17" whose {@code bin/java} runs this test's Java, so the slug's launchers really run. */
  static byte[] jre() {
    return TarGzBuilder.create()
        .directory("jdk-17.0.20+8-jre/", 0755)
        .executable("jdk-17.0.20+8-jre/bin/java", "#!/bin/sh\nexec '" + JAVA + "' \"$@\"\n")
        .file("jdk-17.0.20+8-jre/release", "JAVA_VERSION=\"17.0.20\"\n")
        .build();
  }

  /** The bundled inventory with the served artifacts' URLs and checksums replaced by the loopback ones. */
  private void writeInventory() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode tree;
    try (InputStream in = Inventory.class.getResourceAsStream(Inventory.RESOURCE)) {
      tree = json.readTree(in);
    }
    Map<String, String> byArtifact = new HashMap<>();
    byArtifact.put("predictionio 0.14.0", "apache-predictionio-0.14.0-bin.tar.gz");
    byArtifact.put("spark 2.4.0", "spark-2.4.0-bin-hadoop2.7.tgz");
    byArtifact.put("spark 2.1.1", "spark-2.1.1-bin-hadoop2.7.tgz");
    byArtifact.put("jdk 1.8.0_502 amd64", "zulu8.jdk.tar.gz");
    byArtifact.put("jre 17.0.20 amd64", "OpenJDK17U-jre_x64_linux_hotspot_17.0.20_8.tar.gz");
    byArtifact.put("postgresql-jdbc 42.7.8", "postgresql-42.7.8.jar");
    byArtifact.put("elasticsearch 5.6.9", "elasticsearch-5.6.9.tar.gz");
    byArtifact.put("hadoop-aws 2.7.3", "hadoop-aws-2.7.3.jar");
    byArtifact.put("aws-java-sdk 1.7.4", "aws-java-sdk-1.7.4.jar");
    for (JsonNode node : (ArrayNode) tree.get("artifacts")) {
      ObjectNode artifact = (ObjectNode) node;
      String key = artifact.get("name").asText() + " " + artifact.get("version").asText();
      String file = byArtifact.getOrDefault(key, byArtifact.get(key + " " + artifact.get("arch").asText()));
      if (file != null) {
        artifact.put("url", server.uri("/dist/" + file).toString());
        artifact.put("checksum", "sha256:" + sha256(files.get(file)));
        artifact.remove("checksumUrl");
        artifact.remove("checksumAlgorithm");
      }
    }
    json.writerWithDefaultPrettyPrinter().writeValue(inventory.toFile(), tree);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyBin(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from.resolve("bin"))) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** The environment every run starts from: a Java 17 in JAVA_HOME, the test inventory, the recording directory. */
  Map<String, String> baseEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", root.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PIO_BUILDPACK_INVENTORY", inventory.toString());
    env.put("PIO_IT_RECORD", record.toString());
    env.put("PIO_DOWNLOAD_ATTEMPTS", "2");
    return env;
  }

  /** Runs {@code dash <buildpack>/bin/<script> args} with {@code env}. */
  Run run(String script, Map<String, String> env, String... args) {
    return exec(env, Stream.concat(Stream.of("dash", buildpack.resolve("bin").resolve(script).toString()),
        Stream.of(args)).toList());
  }

  /** Runs {@code bin/compile app cache envDir} with the base environment plus {@code extra}. */
  Run compile(Path app, Path envDir, Map<String, String> extra) {
    Map<String, String> env = baseEnvironment();
    env.putAll(extra);
    return run("compile", env, app.toString(), cache.toString(), envDir.toString());
  }

  static Run exec(Map<String, String> env, List<String> command) {
    return exec(env, command, Path.of("."));
  }

  /** Runs a command in {@code workDir} with exactly {@code env}; stdout and stderr kept apart. */
  static Run exec(Map<String, String> env, List<String> command, Path workDir) {
    try {
      Path out = Files.createTempFile("pio-it", ".out");
      Path err = Files.createTempFile("pio-it", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in 5 minutes");
      }
      Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A directory of config vars, one file per variable. */
  Path envDir(String name, Map<String, String> vars) throws IOException {
    Path dir = Files.createDirectories(root.resolve("env-" + name));
    for (Map.Entry<String, String> var : vars.entrySet()) {
      Files.writeString(dir.resolve(var.getKey()), var.getValue());
    }
    return dir;
  }

  /** An engine app: engine.json, template.json asking for {@code version}, build.sbt, a source file. */
  Path engineApp(String name, String version) throws IOException {
    Path app = Files.createDirectories(root.resolve(name));
    Files.writeString(app.resolve("engine.json"), "{\"id\": \"default\", \"engineFactory\": \"org.example.Engine\"}\n");
    Files.writeString(app.resolve("template.json"), "{\"pio\": {\"version\": {\"min\": \"" + version + "\"}}}\n");
    Files.writeString(app.resolve("build.sbt"), "name := \"engine\"\n");
    Files.createDirectories(app.resolve("src/main/scala"));
    Files.writeString(app.resolve("src/main/scala/Engine.scala"), "object Engine\n");
    return app;
  }

  /** An event-server app: only data hooks (no engine.json). */
  Path eventServerApp(String name) throws IOException {
    Path app = Files.createDirectories(root.resolve(name).resolve("data"));
    Files.writeString(app.resolve("initial-events.json"),
        "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\"}\n");
    return app.getParent();
  }

  @Override
  public void close() {
    server.close();
    try {
      Files.deleteIfExists(buildpack.resolve("lib"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
