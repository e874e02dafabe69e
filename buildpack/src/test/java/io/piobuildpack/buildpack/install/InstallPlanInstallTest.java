package io.piobuildpack.buildpack.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.resolve.InstallPlan;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.testsupport.archive.DistributionLayouts;
import io.piobuildpack.testsupport.archive.TarGzBuilder;
import io.piobuildpack.testsupport.http.LoopbackFileServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole plan installed into the original layout by an installer wired from the build environment. */
class InstallPlanInstallTest {

  @TempDir Path temp;
  private final LoopbackFileServer server = LoopbackFileServer.start();
  private final RecordingListener listener = new RecordingListener();

  @AfterEach
  void stop() {
    server.close();
  }

  /** Serves the archive on the mirror under its file name; the artifact's origin is unreachable on purpose. */
  private Artifact mirrored(String name, String version, String fileName, byte[] bytes, String format,
      String strip) {
    server.serve("/mirror/" + fileName, bytes);
    return new Artifact(name, version, "any", "any", URI.create("https://origin.invalid/dist/" + fileName),
        TestArtifacts.sha256(bytes), null, null, format, strip, "test");
  }

  @Test
  void installsAWholePlanThroughTheMirrorThenReusesItWithoutRequests() throws Exception {
    InstallPlan plan = new InstallPlan(
        mirrored("predictionio", "0.14.0", "apache-predictionio-0.14.0-bin.tar.gz",
            DistributionLayouts.predictionIo("0.14.0").build(), "tar.gz", "PredictionIO-0.14.0"),
        mirrored("spark", "2.4.8-hadoop2.7", "spark-2.4.8-bin-hadoop2.7.tgz",
            DistributionLayouts.spark("2.4.8", "2.7").build(), "tar.gz", "spark-2.4.8-bin-hadoop2.7"),
        mirrored("jdk", "1.8.0_502", "1.8.0_502.tar.gz", DistributionLayouts.jdk("zulu8").build(), "tar.gz", "*"),
        mirrored("jre", "17.0.20", "OpenJDK17U-jre_x64_linux_hotspot_17.0.20_8.tar.gz",
            TarGzBuilder.create().executable("jdk-17.0.20+8-jre/bin/java", "#!/bin/sh\n").build(), "tar.gz", "*"),
        mirrored("postgresql-jdbc", "42.7.8", "postgresql-42.7.8.jar", "PK driver".getBytes(), "jar", null),
        Optional.empty(),
        List.of(mirrored("hadoop-aws", "2.7.3", "hadoop-aws-2.7.3.jar", "PK aws".getBytes(), "jar", null)),
        List.of());
    Environment env = Environment.of(Map.of("PIO_DEPENDENCY_MIRROR", server.uri("/mirror").toString()));
    Path app = Files.createDirectories(temp.resolve("app"));
    InstallLayout layout = InstallLayout.under(app);

    List<Installer.Result> first = Installer.forBuild(env, temp.resolve("cache")).install(plan, layout, listener);

    assertThat(first).noneMatch(Installer.Result::reused);
    assertThat(app.resolve("PredictionIO-dist/bin/pio")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/vendors/spark-hadoop/bin/spark-submit")).isExecutable();
    assertThat(app.resolve("PredictionIO-dist/lib/postgresql_jdbc.jar")).hasContent("PK driver");
    assertThat(app.resolve("PredictionIO-dist/lib/spark/hadoop-aws.jar")).hasContent("PK aws");
    assertThat(app.resolve(".jdk/bin/java")).isExecutable();
    assertThat(app.resolve(".pio-buildpack/jre/bin/java")).isExecutable();
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.path()).startsWith("/mirror/"));
    server.resetCounts();

    List<Installer.Result> second = Installer.forBuild(env, temp.resolve("cache")).install(plan, layout, listener);

    assertThat(second).allMatch(Installer.Result::reused);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void unusableDownloadVariableIsNamed() {
    assertThatThrownBy(() -> Installer.forBuild(Environment.of(Map.of("PIO_DOWNLOAD_ATTEMPTS", "0")), temp))
        .isInstanceOf(InvalidInstallSettingException.class)
        .hasMessage("PIO_DOWNLOAD_ATTEMPTS must be a whole number of at least 1, got \"0\"");
  }
}
