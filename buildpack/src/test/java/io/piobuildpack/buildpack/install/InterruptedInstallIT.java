package io.piobuildpack.buildpack.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.install.archive.TarGzExtractor;
import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.download.ArtifactFetcher;
import io.piobuildpack.buildpack.install.download.DownloadCache;
import io.piobuildpack.buildpack.install.download.DownloadCache.Lookup;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import io.piobuildpack.testsupport.archive.DistributionLayouts;
import io.piobuildpack.testsupport.archive.TarGzBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a child JVM in the middle of extracting a new PredictionIO over a good install, and checks that the
 * previous install, its record and the download cache are intact, and that the next install cleans up.
 */
class InterruptedInstallIT {

  @TempDir Path temp;

  @Test
  void processKilledMidExtractionLeavesThePreviousInstallIntact() throws Exception {
    Path cache = temp.resolve("cache");
    Path dest = temp.resolve("app/PredictionIO-dist");
    Path oldArchive = DistributionLayouts.predictionIo("0.13.0").writeTo(temp.resolve("old.tar.gz"));
    Artifact old = artifact("0.13.0", oldArchive);
    Installer installer = new Installer(new ArtifactFetcher(TestArtifacts.fetcher(), new DownloadCache(cache),
        Optional.empty()), new TarGzExtractor());
    installer.install(old, dest, InstallListener.NONE);

    TarGzBuilder big = DistributionLayouts.predictionIo("0.14.0").compressionLevel(1);
    Random random = new Random(12);
    for (int i = 0; i < 2000; i++) {
      byte[] content = new byte[16 * 1024];
      random.nextBytes(content);
      big.file("PredictionIO-0.14.0/lib/filler/part-" + i + ".bin", content, 0644);
    }
    Path newArchive = big.writeTo(temp.resolve("apache-predictionio-0.14.0-bin.tar.gz"));
    Checksum newChecksum = DownloadCache.hash(newArchive, ChecksumAlgorithm.SHA256);

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), InstallInChildProcess.class.getName(),
        newArchive.toString(), newChecksum.toString(), "0.14.0", dest.toString(), cache.toString())
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("EXTRACTING"));
      assertThat(line).as("the child reached extraction").isEqualTo("EXTRACTING");
      Path partial = awaitPartialExtraction(dest.getParent(), 200, 60);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("killed, not finished").isNotZero();
      assertThat(partial).as("a partial extraction was left beside the destination").exists();
    } finally {
      child.destroyForcibly();
    }

    assertThat(dest.resolve("bin/pio")).content().contains("PredictionIO 0.13.0");
    assertThat(dest.resolve("lib/filler")).doesNotExist();
    assertThat(InstallRecord.read(dest).orElseThrow().version()).isEqualTo("0.13.0");
    assertThat(new DownloadCache(cache).lookup(old.checksum(), old.fileName())).isInstanceOf(Lookup.Hit.class);

    Installer.Result next = installer.install(artifact("0.14.0", newArchive), dest, InstallListener.NONE);
    assertThat(next.reason()).isEqualTo("version changed from 0.13.0 to 0.14.0");
    assertThat(dest.resolve("bin/pio")).content().contains("PredictionIO 0.14.0");
    try (Stream<Path> left = Files.list(dest.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("PredictionIO-dist", ".PredictionIO-dist.install.json");
    }
  }

  private static Artifact artifact(String version, Path archive) throws Exception {
    return new Artifact("predictionio", version, "any", "any", archive.toUri(),
        DownloadCache.hash(archive, ChecksumAlgorithm.SHA256), null, null, "tar.gz", "PredictionIO-" + version,
        "test");
  }

  /** Waits (bounded) until a temporary install directory beside the destination holds {@code files} files. */
  private static Path awaitPartialExtraction(Path parent, int files, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      List<Path> temporary;
      try (Stream<Path> list = Files.list(parent)) {
        temporary = list.filter(p -> p.getFileName().toString().startsWith(".PredictionIO-dist.tmp-")).toList();
      }
      for (Path dir : temporary) {
        Path filler = dir.resolve("PredictionIO-0.14.0/lib/filler");
        if (Files.isDirectory(filler)) {
          try (Stream<Path> extracted = Files.list(filler)) {
            if (extracted.count() >= files) {
              return dir;
            }
          }
        }
      }
      TimeUnit.MILLISECONDS.sleep(5); // poll interval of a bounded wait for the condition above
    }
    throw new AssertionError("no partial extraction with " + files + " files appeared within " + seconds + " s");
  }
}
