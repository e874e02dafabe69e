package io.piobuildpack.buildpack.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.buildpack.install.archive.ArchiveException;
import io.piobuildpack.buildpack.install.archive.TarGzExtractor;
import io.piobuildpack.buildpack.install.archive.UnsafeArchiveEntryException;
import io.piobuildpack.buildpack.install.download.ArtifactFetcher;
import io.piobuildpack.buildpack.install.download.DownloadCache;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.testsupport.archive.DistributionLayouts;
import io.piobuildpack.testsupport.archive.TarGzBuilder;
import io.piobuildpack.testsupport.http.LoopbackFileServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {

  @TempDir Path temp;
  private LoopbackFileServer server;
  private Installer installer;
  private Path app;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void start() throws Exception {
    server = LoopbackFileServer.start();
    installer = new Installer(new ArtifactFetcher(TestArtifacts.fetcher(), new DownloadCache(temp.resolve("cache")),
        Optional.empty()), new TarGzExtractor());
    app = Files.createDirectories(temp.resolve("app"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Artifact serve(String name, String version, String path, TarGzBuilder archive, String strip) {
    byte[] bytes = archive.build();
    URI url = server.serve(path, bytes);
    return TestArtifacts.pinned(name, version, url, TestArtifacts.sha256(bytes), strip);
  }

  private Artifact predictionIo(String version) {
    return serve("predictionio", version, "/predictionio/" + version + "/apache-predictionio-" + version
        + "-bin.tar.gz", DistributionLayouts.predictionIo(version), "PredictionIO-" + version);
  }

  @Test
  void installsPredictionIoSparkAndJdkInTheirRealLayouts() throws Exception {
    InstallLayout layout = InstallLayout.under(app);
    Artifact spark = serve("spark", "2.4.8-hadoop2.7", "/spark-2.4.8-bin-hadoop2.7.tgz",
        DistributionLayouts.spark("2.4.8", "2.7"), "spark-2.4.8-bin-hadoop2.7");
    Artifact jdk = serve("jdk", "8u502-b07", "/OpenJDK8U-jdk_x64_linux_hotspot_8u502b07.tar.gz",
        DistributionLayouts.jdk("jdk8u502-b07"), "*");

    installer.install(predictionIo("0.14.0"), layout.predictionIo(), listener);
    installer.install(spark, layout.spark(), listener);
    installer.install(jdk, layout.jdk(), listener);

    assertThat(app.resolve("PredictionIO-dist/bin/pio")).isExecutable().content().contains("PredictionIO 0.14.0");
    assertThat(app.resolve("PredictionIO-dist/conf/pio-env.sh.template")).exists();
    assertThat(app.resolve("PredictionIO-dist/lib/spark")).isDirectory();
    assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop/bin/spark-submit")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop/jars/spark-core.jar")).isSymbolicLink();
    assertThat(app.resolve(".jdk/bin/java")).isExecutable();
    assertThat(InstallRecord.read(layout.predictionIo())).contains(new InstallRecord("predictionio", "0.14.0",
        predictionIo("0.14.0").checksum().toString(), "PINNED", server.uri("/predictionio/0.14.0/"
        + "apache-predictionio-0.14.0-bin.tar.gz").toString(), server.uri("/predictionio/0.14.0/"
        + "apache-predictionio-0.14.0-bin.tar.gz").toString()));
    assertThat(app.resolve(".PredictionIO-dist.install.json")).exists();
    assertThat(listener.events("installed")).containsExactly(
        "installed predictionio 0.14.0: not installed yet",
        "installed spark 2.4.8-hadoop2.7: not installed yet",
        "installed jdk 8u502-b07: not installed yet");
    try (Stream<Path> left = Files.list(app)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("PredictionIO-dist", ".PredictionIO-dist.install.json", ".jdk",
              "..jdk.install.json");
    }
  }

  @Test
  void unchangedInstallIsReusedWithoutAnyRequest() throws Exception {
    Artifact pio = predictionIo("0.14.0");
    Path dest = app.resolve("PredictionIO-dist");
    installer.install(pio, dest, listener);
    server.resetCounts();

    Installer.Result again = installer.install(pio, dest, listener);

    assertThat(again.reused()).isTrue();
    assertThat(server.requestCount()).isZero();
    assertThat(listener.events("reused")).containsExactly("reused predictionio 0.14.0");
  }

  @Test
  void changedVersionReplacesTheInstallAndSaysWhy() throws Exception {
    Path dest = app.resolve("PredictionIO-dist");
    installer.install(predictionIo("0.13.0"), dest, listener);
    Files.writeString(dest.resolve("stale-file"), "from 0.13.0");

    Installer.Result result = installer.install(predictionIo("0.14.0"), dest, listener);

    assertThat(result.reason()).isEqualTo("version changed from 0.13.0 to 0.14.0");
    assertThat(dest.resolve("bin/pio")).content().contains("PredictionIO 0.14.0");
    assertThat(dest.resolve("stale-file")).doesNotExist();
    try (Stream<Path> left = Files.list(app)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("PredictionIO-dist", ".PredictionIO-dist.install.json");
    }
  }

  @Test
  void changedChecksumReplacesTheInstallAndSaysWhy() throws Exception {
    Path dest = app.resolve("PredictionIO-dist");
    Artifact first = predictionIo("0.14.0");
    installer.install(first, dest, listener);
    Artifact rebuilt = serve("predictionio", "0.14.0", "/predictionio/0.14.0/apache-predictionio-0.14.0-bin.tar.gz",
        DistributionLayouts.predictionIo("0.14.0").file("PredictionIO-0.14.0/RELEASE", "rebuilt"),
        "PredictionIO-0.14.0");

    Installer.Result result = installer.install(rebuilt, dest, listener);

    assertThat(result.reason()).isEqualTo("checksum changed from " + first.checksum() + " to " + rebuilt.checksum());
    assertThat(dest.resolve("RELEASE")).hasContent("rebuilt");
  }

  @Test
  void hostileNewArchiveLeavesThePreviousInstallIntact() throws Exception {
    Path dest = app.resolve("PredictionIO-dist");
    installer.install(predictionIo("0.13.0"), dest, listener);
    Artifact hostile = serve("predictionio", "0.14.0", "/hostile.tar.gz", DistributionLayouts.predictionIo("0.14.0")
        .symlink("PredictionIO-0.14.0/conf/escape", "../../../.."), "PredictionIO-0.14.0");

    assertThatThrownBy(() -> installer.install(hostile, dest, listener))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"PredictionIO-0.14.0/conf/escape\" is a symbolic link to"
            + " \"../../../..\", outside the target directory; nothing was installed.");
    assertThat(dest.resolve("bin/pio")).content().contains("PredictionIO 0.13.0");
    assertThat(InstallRecord.read(dest).orElseThrow().version()).isEqualTo("0.13.0");
    try (Stream<Path> left = Files.list(app)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("PredictionIO-dist", ".PredictionIO-dist.install.json");
    }
  }

  @Test
  void unexpectedTopFolderFailsNamingTheArchiveAndWhatItHolds() {
    Artifact wrong = serve("predictionio", "0.14.0", "/apache-predictionio-0.14.0-bin.tar.gz",
        DistributionLayouts.predictionIo("0.13.0"), "PredictionIO-0.14.0");

    assertThatThrownBy(() -> installer.install(wrong, app.resolve("PredictionIO-dist"), listener))
        .isInstanceOf(ArchiveException.class)
        .hasMessage("apache-predictionio-0.14.0-bin.tar.gz: expected a single top folder \"PredictionIO-0.14.0/\","
            + " found [PredictionIO-0.13.0]");
    assertThat(app.resolve("PredictionIO-dist")).doesNotExist();
  }

  @Test
  void archiveWithoutTopFolderIsInstalledAsIsWhenAnyTopFolderIsAccepted() throws Exception {
    Artifact flat = serve("jdk", "1.8.0_502", "/zulu/amd64/1.8.0_502.tar.gz",
        TarGzBuilder.create().executable("bin/java", "#!/bin/sh\n").file("release", "JAVA_VERSION=\"1.8.0_502\""),
        "*");

    installer.install(flat, app.resolve(".jdk"), listener);

    assertThat(app.resolve(".jdk/bin/java")).isExecutable();
    assertThat(app.resolve(".jdk/release")).exists();
  }

  @Test
  void jarIsCopiedIntoPlaceWithItsRecord() throws Exception {
    byte[] jar = "PK fake jar".getBytes();
    URI url = server.serve("/postgresql-42.7.8.jar", jar);
    Checksum checksum = TestArtifacts.sha256(jar);
    Artifact driver = new Artifact("postgresql-jdbc", "42.7.8", "any", "any", url, checksum, null, null, "jar",
        null, "test");
    Path dest = app.resolve("PredictionIO-dist/lib/postgresql_jdbc.jar");

    installer.install(driver, dest, listener);

    assertThat(dest).hasBinaryContent(jar);
    assertThat(InstallRecord.read(dest).orElseThrow().checksum()).isEqualTo(checksum.toString());
  }

  @Test
  void leftoversOfAnInterruptedInstallAreRemoved() throws Exception {
    Path leftover = Files.createDirectories(app.resolve(".PredictionIO-dist.tmp-1234/PredictionIO-0.14.0/bin"));
    Files.writeString(leftover.resolve("pio"), "half");

    installer.install(predictionIo("0.14.0"), app.resolve("PredictionIO-dist"), listener);

    assertThat(app.resolve(".PredictionIO-dist.tmp-1234")).doesNotExist();
  }

  @Test
  void installWithoutRecordIsReplacedAndSaysWhy() throws Exception {
    Files.createDirectories(app.resolve("PredictionIO-dist/bin"));

    Installer.Result result = installer.install(predictionIo("0.14.0"), app.resolve("PredictionIO-dist"), listener);

    assertThat(result.reason()).isEqualTo("what is at " + app.resolve("PredictionIO-dist")
        + " has no install record (unknown or interrupted)");
    assertThat(app.resolve("PredictionIO-dist/bin/pio")).exists();
  }
}
