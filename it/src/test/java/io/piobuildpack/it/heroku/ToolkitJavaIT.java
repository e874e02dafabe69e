package io.piobuildpack.it.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.heroku.HerokuExitCode;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.testsupport.http.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bootstrap shim bin/support/toolkit-java with dash on a PATH without Java: which Java it picks, and the
 * JRE it downloads (through PIO_DEPENDENCY_MIRROR, verified) into the build cache, where the Java build finds it.
 */
class ToolkitJavaIT {

  static final String JRE_FILE = StandInArtifacts.JRE_TEMURIN_17_0_20;

  @TempDir Path temp;
  private HerokuFixture fixture;
  private StandInArtifacts artifacts;
  private Path tools;
  private String sha256;

  @BeforeEach
  void start() throws Exception {
    fixture = new HerokuFixture(temp);
    artifacts = fixture.artifacts;
    tools = Files.createDirectories(temp.resolve("tools"));
    for (String dir : List.of("/usr/bin", "/bin")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          if (!name.startsWith("java") && !Files.exists(tools.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(tools.resolve(name), file);
          }
        }
      }
    }
    sha256 = artifacts.checksum(JRE_FILE).substring("sha256:".length());
    // The shim's table, pointed at an origin that does not answer: only the mirror can serve it.
    Files.writeString(fixture.buildpackDir.resolve("bin/support/jre.tsv"), "# test table\nlinux\tamd64\t17.0.20\t"
        + "https://origin.invalid/jre/" + JRE_FILE + "\t" + sha256 + "\n");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private Map<String, String> noJava() {
    return Map.of("PATH", tools.toString(), "HOME", temp.toString());
  }

  private PhaseResult shim(Map<String, String> env, String... args) {
    return fixture.script("support/toolkit-java", env, temp, args);
  }

  private Path envDir(String mirror) throws IOException {
    return fixture.envDir("mirror", Map.of("PIO_DEPENDENCY_MIRROR", mirror));
  }

  @Test
  void usesJavaHomeWhenItIsJava17OrNewer() {
    PhaseResult run = shim(Map.of("PATH", tools.toString(), "JAVA_HOME", System.getProperty("java.home")),
        fixture.cache.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo(System.getProperty("java.home") + "/bin/java\n");
    assertThat(artifacts.requestCount()).isZero();
  }

  @Test
  void downloadsVerifiesAndCachesTheJreThroughTheMirrorWhenJavaHomeIsTooOld() throws Exception {
    Path java8 = Files.createDirectories(temp.resolve("java8/bin"));
    Files.writeString(java8.resolve("java"), "#!/bin/sh\necho 'openjdk version \"1.8.0_432\"' >&2\n");
    java8.resolve("java").toFile().setExecutable(true);
    Map<String, String> env = new java.util.HashMap<>(noJava());
    env.put("JAVA_HOME", java8.getParent().toString());

    PhaseResult run = shim(env, fixture.cache.toString(), envDir(artifacts.mirrorUri().toString()).toString());

    Path installed = fixture.cache.resolve("pio-buildpack/jre/17.0.20/bin/java");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo(installed + "\n");
    assertThat(run.stderr()).contains("-----> Installing Java 17.0.20 for the buildpack")
        .contains("       verified sha256:" + sha256);
    assertThat(artifacts.requestCount(JRE_FILE)).isEqualTo(1);
    assertThat(fixture.cache.resolve("pio-buildpack/downloads/sha256-" + sha256 + "/" + JRE_FILE)).exists();

    PhaseResult again = shim(env, fixture.cache.toString(), envDir(artifacts.mirrorUri().toString()).toString());
    assertThat(again.stdout()).isEqualTo(installed + "\n");
    assertThat(artifacts.requestCount()).isEqualTo(1);
  }

  @Test
  void takesTheJreFromAMirrorDirectoryUnderItsChecksumName() throws Exception {
    Path mirror = Files.createDirectories(temp.resolve("mirror"));
    Files.write(mirror.resolve("sha256-" + sha256), artifacts.bytes(JRE_FILE));

    PhaseResult run = shim(noJava(), fixture.cache.toString(), envDir(mirror.toString()).toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(fixture.cache.resolve("pio-buildpack/jre/17.0.20/bin/java")).isExecutable();
  }

  @Test
  void checksumMismatchFailsWithTheExactMessageAndLeavesNothing() throws Exception {
    byte[] other = artifacts.bytes(StandInArtifacts.SPARK_2_1_1);
    artifacts.fault(JRE_FILE, Fault.wrongBytes(other));

    PhaseResult run = shim(noJava(), fixture.cache.toString(), envDir(artifacts.mirrorUri().toString()).toString());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.CHECKSUM_MISMATCH.code());
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).endsWith(" !     Error: Checksum mismatch for jre 17.0.20 from " + artifacts.uri(JRE_FILE)
        + ": expected sha256:" + sha256 + ", got " + artifacts.checksum(StandInArtifacts.SPARK_2_1_1)
        + "; the download was deleted.\n");
    assertThat(fixture.cache.resolve("pio-buildpack/jre")).doesNotExist();
    try (Stream<Path> left = Files.walk(fixture.cache)) {
      assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void truncatedDownloadFailsAndLeavesNothing() throws Exception {
    artifacts.fault(JRE_FILE, Fault.truncate(50));

    PhaseResult run = shim(noJava(), fixture.cache.toString(), envDir(artifacts.mirrorUri().toString()).toString());

    assertThat(run.exitCode()).isEqualTo(HerokuExitCode.DOWNLOAD_FAILED.code());
    assertThat(run.stderr()).contains(" !     Error: Download of " + artifacts.uri(JRE_FILE)
        + " failed (PIO_DEPENDENCY_MIRROR).");
    try (Stream<Path> left = Files.walk(fixture.cache)) {
      assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void compileOnABuildImageWithoutJavaBootstrapsOnceAndReusesTheDownloadForTheSlug() throws Exception {
    Path app = fixture.eventServerApp("nojava");
    Map<String, String> env = new java.util.HashMap<>(noJava());
    env.put("PIO_BUILDPACK_INVENTORY", artifacts.inventory().toString());

    PhaseResult run = fixture.buildpack.compile(app, fixture.cache, envDir(artifacts.mirrorUri().toString()), env);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).contains("Using jre 17.0.20 (linux/amd64) from the download cache");
    assertThat(artifacts.requestCount()).isEqualTo(1);
    assertThat(app.resolve(".pio-buildpack/jre/bin/java")).isExecutable();
  }
}
