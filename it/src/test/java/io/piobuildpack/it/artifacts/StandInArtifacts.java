package io.piobuildpack.it.artifacts;

import io.piobuildpack.buildpack.cnb.CnbBuild;
import io.piobuildpack.buildpack.heroku.HerokuCompile;
import io.piobuildpack.testsupport.app.RecordingPio;
import io.piobuildpack.testsupport.http.Fault;
import io.piobuildpack.testsupport.http.LoopbackFileServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration harness's artifact server: stand-ins for every artifact the packaged buildpack may download for an
 * engine app and an event-server app on {@code linux/amd64}, generated under a root directory in the layouts of the
 * real downloads ({@link StandInDistributions}), served by test-support's {@link LoopbackFileServer} at {@code
 * /dist/<upstream file name>}, and listed in a test inventory ({@link #inventory()}).
 *
 * <p>Served: PredictionIO 0.14.0 (the inventory's default, with Spark 2.4.0 and Elasticsearch 5.6.9) and
 * 0.12.0-incubating (not in the inventory: the public engines ask for it and deploy it with {@code
 * PREDICTIONIO_DIST_URL=uri(PREDICTIONIO_0_12_0_INCUBATING)} and {@code PREDICTIONIO_DIST_CHECKSUM=checksum(...)},
 * with Spark 2.1.1 and Elasticsearch 5.5.2), every JDK 8 and the JRE 17 for amd64, the PostgreSQL JDBC driver, and
 * the S3 jars. PredictionIO's {@code bin/pio} and {@code sbt/sbt} are recording stand-ins ({@link StandInPio}; read
 * the calls with {@link #recording()}), and every {@code bin/java} runs the tests' own Java.
 *
 * <p>Files under the root: {@code dist/} (the archives), {@code record/} (what pio and sbt recorded) and {@code
 * inventory.json}. Thread-safe as the server is; {@link #close()} stops the server and leaves the files.
 */
public final class StandInArtifacts implements AutoCloseable {

  /** PredictionIO 0.14.0's binary distribution (top folder {@code PredictionIO-0.14.0/}). */
  public static final String PREDICTIONIO_0_14_0 = "apache-predictionio-0.14.0-bin.tar.gz";
  /** PredictionIO 0.13.0's binary distribution. */
  public static final String PREDICTIONIO_0_13_0 = "apache-predictionio-0.13.0-bin.tar.gz";
  /** PredictionIO 0.12.1's binary distribution. */
  public static final String PREDICTIONIO_0_12_1 = "apache-predictionio-0.12.1-bin.tar.gz";
  /** PredictionIO 0.12.0-incubating's binary distribution: not in the inventory, install it by URL. */
  public static final String PREDICTIONIO_0_12_0_INCUBATING = "apache-predictionio-0.12.0-incubating-bin.tar.gz";
  /**
   * A PredictionIO 0.11.0-incubating binary distribution: Apache published only sources, so the inventory refuses
   * it and a user installs a build of their own by URL.
   */
  public static final String PREDICTIONIO_0_11_0_INCUBATING = "apache-predictionio-0.11.0-incubating-bin.tar.gz";
  /** Spark 2.4.0 for Hadoop 2.7, PredictionIO 0.14.0's default. */
  public static final String SPARK_2_4_0 = "spark-2.4.0-bin-hadoop2.7.tgz";
  /** Spark 2.1.1 for Hadoop 2.7, the default of 0.12.x and 0.13.0. */
  public static final String SPARK_2_1_1 = "spark-2.1.1-bin-hadoop2.7.tgz";
  /** Spark 2.1.0 for Hadoop 2.7, the default of 0.11.0-incubating. */
  public static final String SPARK_2_1_0 = "spark-2.1.0-bin-hadoop2.7.tgz";
  /** Heroku's Zulu JDK 1.8.0_502 for amd64, the default JDK (no top folder). */
  public static final String JDK_ZULU_1_8_0_502 = "1.8.0_502.tar.gz";
  /** Heroku's Zulu JDK 1.8.0_504 for amd64. */
  public static final String JDK_ZULU_1_8_0_504 = "1.8.0_504.tar.gz";
  /** Heroku's Zulu JDK 1.8.0_432 for amd64. */
  public static final String JDK_ZULU_1_8_0_432 = "1.8.0_432.tar.gz";
  /** Temurin JDK 8u502-b07 for x64 (top folder {@code jdk8u502-b07/}). */
  public static final String JDK_TEMURIN_8U502 = "OpenJDK8U-jdk_x64_linux_hotspot_8u502b07.tar.gz";
  /** Temurin JRE 17.0.20+8 for x64, the toolkit's Java (top folder {@code jdk-17.0.20+8-jre/}). */
  public static final String JRE_TEMURIN_17_0_20 = "OpenJDK17U-jre_x64_linux_hotspot_17.0.20_8.tar.gz";
  /** The PostgreSQL JDBC driver 42.7.8. */
  public static final String POSTGRESQL_JDBC_42_7_8 = "postgresql-42.7.8.jar";
  /** Elasticsearch 5.6.9, installed for 0.14.0 when {@code PIO_ELASTICSEARCH_URL} is set at build time. */
  public static final String ELASTICSEARCH_5_6_9 = "elasticsearch-5.6.9.tar.gz";
  /** Elasticsearch 5.5.2, installed for a release by URL when {@code PIO_ELASTICSEARCH_URL} is set. */
  public static final String ELASTICSEARCH_5_5_2 = "elasticsearch-5.5.2.tar.gz";
  /** hadoop-aws 2.7.3, installed when {@code PIO_S3_BUCKET_NAME} is set at build time. */
  public static final String HADOOP_AWS_2_7_3 = "hadoop-aws-2.7.3.jar";
  /** aws-java-sdk 1.7.4, installed when {@code PIO_S3_BUCKET_NAME} is set at build time. */
  public static final String AWS_JAVA_SDK_1_7_4 = "aws-java-sdk-1.7.4.jar";

  /** Environment variable of a build: the exit code of the stand-in {@code sbt/sbt} (and so of {@code pio build}). */
  public static final String SBT_EXIT = StandInPio.SBT_EXIT;
  /** Environment variable of a process: the exit code of the stand-in {@code pio train}. */
  public static final String TRAIN_EXIT = StandInPio.TRAIN_EXIT;

  /** Files served but in no inventory entry (installed from an override URL). */
  static final List<String> NOT_IN_INVENTORY = List.of(PREDICTIONIO_0_12_0_INCUBATING,
      PREDICTIONIO_0_11_0_INCUBATING);

  private static final String PATH_PREFIX = "/dist/";

  private final Path root;
  private final LoopbackFileServer server;
  private final Map<String, Path> files;
  private final Map<String, String> checksums;
  private final Path inventory;
  private final PioRecording recording;

  private StandInArtifacts(Path root, LoopbackFileServer server, Map<String, Path> files,
      Map<String, String> checksums, Path inventory, PioRecording recording) {
    this.root = root;
    this.server = server;
    this.files = files;
    this.checksums = checksums;
    this.inventory = inventory;
    this.recording = recording;
  }

  /**
   * Generates the archives under {@code root}, serves them from a new loopback server at {@code /dist/<file>} and
   * writes the test inventory.
   *
   * @throws UncheckedIOException when the files cannot be written
   */
  public static StandInArtifacts start(Path root) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    try {
      Path dist = Files.createDirectories(root.resolve("dist"));
      Path record = Files.createDirectories(root.resolve("record"));
      RecordingPio pio = StandInPio.create(record, java, record.resolve("deploy.listening"));
      String sbt = StandInPio.sbt(record.resolve("sbt.calls"));
      StandInDistributions make = new StandInDistributions(java);

      Map<String, byte[]> archives = new LinkedHashMap<>();
      archives.put(PREDICTIONIO_0_14_0, make.predictionIo("0.14.0", pio.script(), sbt));
      archives.put(PREDICTIONIO_0_13_0, make.predictionIo("0.13.0", pio.script(), sbt));
      archives.put(PREDICTIONIO_0_12_1, make.predictionIo("0.12.1", pio.script(), sbt));
      archives.put(PREDICTIONIO_0_12_0_INCUBATING, make.predictionIo("0.12.0-incubating", pio.script(), sbt));
      archives.put(PREDICTIONIO_0_11_0_INCUBATING, make.predictionIo("0.11.0-incubating", pio.script(), sbt));
      archives.put(SPARK_2_4_0, make.spark("2.4.0"));
      archives.put(SPARK_2_1_1, make.spark("2.1.1"));
      archives.put(SPARK_2_1_0, make.spark("2.1.0"));
      archives.put(JDK_ZULU_1_8_0_502, make.herokuJdk8("1.8.0_502"));
      archives.put(JDK_ZULU_1_8_0_504, make.herokuJdk8("1.8.0_504"));
      archives.put(JDK_ZULU_1_8_0_432, make.herokuJdk8("1.8.0_432"));
      archives.put(JDK_TEMURIN_8U502, make.temurinJdk8("jdk8u502-b07", "1.8.0_502"));
      archives.put(JRE_TEMURIN_17_0_20, make.temurinJre17("jdk-17.0.20+8-jre", "17.0.20"));
      archives.put(POSTGRESQL_JDBC_42_7_8, StandInDistributions.jar("org.postgresql", "postgresql", "42.7.8"));
      archives.put(ELASTICSEARCH_5_6_9, make.elasticsearch("5.6.9"));
      archives.put(ELASTICSEARCH_5_5_2, make.elasticsearch("5.5.2"));
      archives.put(HADOOP_AWS_2_7_3, StandInDistributions.jar("org.apache.hadoop", "hadoop-aws", "2.7.3"));
      archives.put(AWS_JAVA_SDK_1_7_4, StandInDistributions.jar("com.amazonaws", "aws-java-sdk", "1.7.4"));

      LoopbackFileServer server = LoopbackFileServer.start();
      Map<String, Path> files = new LinkedHashMap<>();
      Map<String, String> checksums = new LinkedHashMap<>();
      for (Map.Entry<String, byte[]> archive : archives.entrySet()) {
        Path file = Files.write(dist.resolve(archive.getKey()), archive.getValue());
        files.put(archive.getKey(), file);
        checksums.put(archive.getKey(), "sha256:" + sha256(archive.getValue()));
        server.serve(PATH_PREFIX + archive.getKey(), file);
      }
      Path inventory = root.resolve("inventory.json");
      Map<String, URI> urls = new LinkedHashMap<>();
      files.keySet().forEach(name -> urls.put(name, server.uri(PATH_PREFIX + name)));
      Files.writeString(inventory, TestInventory.rewrite(urls, checksums, NOT_IN_INVENTORY));
      PioRecording recording = new PioRecording(pio, record.resolve("sbt.calls"), record.resolve("deploy.listening"));
      return new StandInArtifacts(root, server, Collections.unmodifiableMap(files),
          Collections.unmodifiableMap(checksums), inventory, recording);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the stand-in artifacts under " + root, e);
    }
  }

  /**
   * The test inventory: the buildpack's bundled one with each served artifact's {@code url} and {@code checksum}
   * replaced (its {@code checksumUrl}/{@code checksumAlgorithm} removed), every other entry untouched. Give it to
   * Heroku's {@code bin/compile} as {@value HerokuCompile#PIO_BUILDPACK_INVENTORY}.
   */
  public Path inventory() {
    return inventory;
  }

  /**
   * Writes the test inventory where the CNB {@code bin/build} of a copy of the buildpack reads its override
   * ({@code <buildpack dir>/}{@value CnbBuild#INVENTORY_OVERRIDE}), replacing what is there.
   */
  public void installInventoryInto(Path cnbBuildpackDir) {
    try {
      Files.copy(inventory, cnbBuildpackDir.resolve(CnbBuild.INVENTORY_OVERRIDE),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the inventory into " + cnbBuildpackDir, e);
    }
  }

  /** The file name of PredictionIO {@code version}'s binary distribution ({@code apache-predictionio-<v>-bin.tar.gz}). */
  public static String predictionIoFile(String version) {
    return "apache-predictionio-" + version + "-bin.tar.gz";
  }

  /** Whether {@code file} is served but in no inventory entry: a build installs it only from an override URL. */
  public static boolean installsOnlyFromUrl(String file) {
    return NOT_IN_INVENTORY.contains(file);
  }

  /** Every served file name, in a stable order. */
  public List<String> files() {
    return List.copyOf(files.keySet());
  }

  /**
   * {@code http://127.0.0.1:<port>/dist/<file>}.
   *
   * @throws IllegalArgumentException for a file not served
   */
  public URI uri(String file) {
    return server.uri(PATH_PREFIX + known(file));
  }

  /**
   * {@code http://127.0.0.1:<port>/dist}, no final slash: every served file is {@code <this>/<file>}, as a {@code
   * PIO_DEPENDENCY_MIRROR} serves each artifact under its upstream name.
   */
  public URI mirrorUri() {
    String prefix = PATH_PREFIX.substring(0, PATH_PREFIX.length() - 1);
    return server.uri(prefix);
  }

  /**
   * {@code sha256:<hex>} of a served file.
   *
   * @throws IllegalArgumentException for a file not served
   */
  public String checksum(String file) {
    return checksums.get(known(file));
  }

  /**
   * A served file's bytes (a copy).
   *
   * @throws IllegalArgumentException for a file not served
   */
  public byte[] bytes(String file) {
    try {
      return Files.readAllBytes(files.get(known(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Switches a file into a fault until {@link #clearFault(String)}: {@link Fault#notFound()}, {@link
   * Fault#wrongBytes(byte[])}, {@link Fault#truncate(int)}, {@link Fault#stall(int)} (a slow server), ...
   *
   * @throws IllegalArgumentException for a file not served
   */
  public void fault(String file, Fault fault) {
    server.fault(PATH_PREFIX + known(file), fault);
  }

  /**
   * Serves a file normally again.
   *
   * @throws IllegalArgumentException for a file not served
   */
  public void clearFault(String file) {
    server.clearFault(PATH_PREFIX + known(file));
  }

  /** Requests received since the start or the last {@link #resetCounts()}, over every path. */
  public int requestCount() {
    return server.requestCount();
  }

  /** Requests for one file since the start or the last {@link #resetCounts()}. */
  public int requestCount(String file) {
    return server.requestCount(PATH_PREFIX + known(file));
  }

  /** Forgets the request counts (faults stay). */
  public void resetCounts() {
    server.resetCounts();
  }

  /** What the stand-in {@code pio} and {@code sbt} recorded, over every deployment using these artifacts. */
  public PioRecording recording() {
    return recording;
  }

  /** The root directory the files were generated under. */
  public Path root() {
    return root;
  }

  /** Stops the server (releasing stalled requests); the files stay. */
  @Override
  public void close() {
    server.close();
  }

  private String known(String file) {
    if (!files.containsKey(file)) {
      throw new IllegalArgumentException("not a stand-in artifact: " + file + "; served: " + files.keySet());
    }
    return file;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
