package io.piobuildpack.hooks.packaged;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code pio-data} launcher around the packaged jar: for {@code eventserver} it records a
 * class-data archive once per build from the self-test, starts from it, records it again when the jar changes,
 * ignores an unusable one quietly, and can be told not to. Runs on a copy of the launcher and the jar laid out as in
 * the repository, so the real build's archive is left alone.
 */
class PioDataLauncherIT {

  private static final Path LAUNCHER = Path.of("..", "pio-data");
  private static final Path JAR = Path.of("target", "pio-data.jar");
  private static final String PASSED = "Event server self-test passed: 10 requests";
  private static final String RECORDING = "recording the event server's class-data archive";

  @TempDir
  Path root;

  private Path jar;
  private Path archive;

  @BeforeEach
  void layOutARepository() throws IOException {
    Instant sourcesTime = Instant.now().minusSeconds(3600);
    for (String dir : List.of("core/src/main", "hooks/src/main")) {
      Files.createDirectories(root.resolve(dir));
      Files.setLastModifiedTime(root.resolve(dir), FileTime.from(sourcesTime));
    }
    for (String pom : List.of("pom.xml", "core/pom.xml", "hooks/pom.xml")) {
      Files.writeString(root.resolve(pom), "<project/>");
      Files.setLastModifiedTime(root.resolve(pom), FileTime.from(sourcesTime));
    }
    Files.copy(LAUNCHER, root.resolve("pio-data"), StandardCopyOption.COPY_ATTRIBUTES);
    jar = root.resolve("hooks/target/pio-data.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(JAR, jar);
    archive = root.resolve("hooks/target/pio-data.jsa");
  }

  @Test
  void theFirstEventServerStartRecordsTheArchiveAndLaterStartsLoadClassesFromIt() throws Exception {
    CommandResult first = launch(Map.of(), "eventserver", "--self-test");
    assertThat(first).succeeded();
    assertThat(first.out()).contains(PASSED);
    assertThat(first.err()).contains(RECORDING);
    assertThat(archive).isNotEmptyFile();

    CommandResult second = launch(Map.of("PIO_DATA_JAVA_OPTS", "-Xlog:class+load=info"), "eventserver", "--self-test");
    assertThat(second).succeeded();
    assertThat(second.err()).doesNotContain(RECORDING);
    assertThat(second.out()).contains(PASSED)
        .containsPattern("io\\.piobuildpack\\.core\\.server\\.EventServer source: shared objects file \\(top\\)")
        .containsPattern("org\\.eclipse\\.jetty\\.server\\.Server source: shared objects file \\(top\\)");
  }

  @Test
  void anArchiveOlderThanTheJarIsRecordedAgain() throws Exception {
    assertThat(launch(Map.of(), "eventserver", "--self-test")).succeeded();
    // As if the jar had been rebuilt after the recording.
    for (Path recorded : List.of(archive, root.resolve("hooks/target/pio-data.jsa.key"))) {
      Files.setLastModifiedTime(recorded, FileTime.from(Instant.now().minusSeconds(60)));
    }
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(30)));

    CommandResult run = launch(Map.of(), "eventserver", "--self-test");
    assertThat(run).succeeded();
    assertThat(run.err()).contains(RECORDING);
    assertThat(Files.getLastModifiedTime(archive).toInstant()).isAfter(Instant.now().minusSeconds(60));
  }

  @Test
  void anUnusableArchiveIsIgnoredWithoutAWarning() throws Exception {
    assertThat(launch(Map.of(), "eventserver", "--self-test")).succeeded();
    // Current for the launcher (newer than the jar, same key) but unusable for the JVM, as after an unnoticed
    // change of the JDK build.
    FileTime recorded = Files.getLastModifiedTime(archive);
    Files.writeString(archive, "not a class-data archive");
    Files.setLastModifiedTime(archive, recorded);
    CommandResult run = launch(Map.of(), "eventserver", "--self-test");
    assertThat(run).succeeded();
    assertThat(run.out()).contains(PASSED).doesNotContainIgnoringCase("warning");
    assertThat(run.err()).doesNotContainIgnoringCase("warning").doesNotContain(RECORDING);
  }

  @Test
  void heapOptionsThatChangeHowReferencesAreEncodedRecordItAgainOtherOptionsDoNot() throws Exception {
    assertThat(launch(Map.of(), "eventserver", "--self-test")).succeeded();
    CommandResult logging = launch(Map.of("PIO_DATA_JAVA_OPTS", "-Xlog:gc=info"), "eventserver", "--self-test");
    assertThat(logging.err()).doesNotContain(RECORDING);

    CommandResult biggerHeap = launch(Map.of("PIO_DATA_JAVA_OPTS", "-Xmx400m"), "eventserver", "--self-test");
    assertThat(biggerHeap).succeeded();
    assertThat(biggerHeap.err()).contains(RECORDING);
    assertThat(Files.readString(root.resolve("hooks/target/pio-data.jsa.key"))).contains("-Xmx400m");
  }

  @Test
  void aFailedRecordingIsReportedOnceAndNotRetriedAtEveryStart() throws Exception {
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\ncase \"$*\" in *ArchiveClassesAtExit*) exit 1 ;; esac\nexec '"
        + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Map<String, String> failingRecorder = Map.of("PATH", bin + ":" + System.getenv("PATH"));

    CommandResult first = launch(failingRecorder, "eventserver", "--self-test");
    assertThat(first).succeeded();
    assertThat(first.out()).contains(PASSED);
    assertThat(first.err()).contains(RECORDING).contains("could not record the archive");
    assertThat(archive).doesNotExist();

    CommandResult second = launch(failingRecorder, "eventserver", "--self-test");
    assertThat(second).succeeded();
    assertThat(second.err()).doesNotContain(RECORDING).doesNotContain("could not record");
  }

  @Test
  void aSignalDuringRecordingStopsItAndLeavesNoPartialArchive() throws Exception {
    Path err = Files.createTempFile("launcher", ".err");
    Process launcher = new ProcessBuilder(root.resolve("pio-data").toString(), "eventserver", "--self-test")
        .directory(root.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
        .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<ProcessHandle> recorders = List.of();
      while (recorders.isEmpty() && System.nanoTime() < deadline) {
        recorders = launcher.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
        Thread.onSpinWait();
      }
      assertThat(recorders).as("the recording JVM started").isNotEmpty();

      launcher.destroy();
      assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(launcher.exitValue()).isEqualTo(143);
      for (ProcessHandle recorder : recorders) {
        assertThat(recorder.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
      }
      try (Stream<Path> files = Files.list(archive.getParent())) {
        assertThat(files.map(path -> path.getFileName().toString())).containsExactly("pio-data.jar");
      }
    } finally {
      ChildProcess.killTree(launcher);
    }
    Files.deleteIfExists(err);
  }

  @Test
  void theArchiveCanBeTurnedOffAndOtherCommandsNeverRecordIt() throws Exception {
    CommandResult off = launch(Map.of("PIO_DATA_CLASS_ARCHIVE", "off"), "eventserver", "--self-test");
    assertThat(off).succeeded();
    assertThat(off.out()).contains(PASSED);
    CommandResult version = launch(Map.of(), "--version");
    assertThat(version).succeeded();
    assertThat(archive).doesNotExist();
  }

  @Test
  void aContainerOf512MbGetsAQuarterOfItAsHeapTheSerialCollectorAndSmallThreadStacks() throws Exception {
    CommandResult run = launch(Map.of("PIO_CONTAINER_MEMORY_MB", "512", "PIO_DATA_JAVA_OPTS", "-XX:+PrintFlagsFinal"),
        "--version");
    assertThat(run).succeeded();
    assertThat(run.out()).containsPattern("MaxHeapSize +:?= 134217728 ")
        .containsPattern("UseSerialGC +:?= true .*command line")
        .containsPattern("ThreadStackSize +:?= 512 .*command line");
  }

  @Test
  void javaOptionsFromTheEnvironmentWinOverTheContainerDefaults() throws Exception {
    CommandResult run = launch(Map.of("PIO_CONTAINER_MEMORY_MB", "512",
        "PIO_DATA_JAVA_OPTS", "-XX:+PrintFlagsFinal -Xmx200m"), "--version");
    assertThat(run).succeeded();
    assertThat(run.out()).containsPattern("MaxHeapSize +:?= 209715200 ");
  }

  @Test
  void aContainerAbove1024MbKeepsTheJvmDefaults() throws Exception {
    CommandResult run = launch(Map.of("PIO_CONTAINER_MEMORY_MB", "2048", "PIO_DATA_JAVA_OPTS", "-XX:+PrintFlagsFinal"),
        "--version");
    assertThat(run).succeeded();
    assertThat(run.out()).doesNotContainPattern("(MaxRAM|UseSerialGC|ThreadStackSize) .*command line");
  }

  private CommandResult launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(root.resolve("pio-data").toString()));
    command.addAll(List.of(args));
    return ChildProcess.of(command).directory(root).unset("PIO_DATA_JAVA_OPTS", "PIO_DATA_CLASS_ARCHIVE", "PIO_CONTAINER_MEMORY_MB").env(env)
        .run();
  }
}
