package io.piobuildpack.buildpack.install.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.install.inventory.Checksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadCacheTest {

  private static final Checksum CHECKSUM =
      Checksum.parse("sha256:0000000000000000000000000000000000000000000000000000000000000001");
  private static final String FILE = "apache-predictionio-0.14.0-bin.tar.gz";

  @TempDir Path temp;

  @Test
  void aPartialDownloadAbandonedByAKilledBuildIsDeletedWhenTheEntryIsDownloadedAgain() throws Exception {
    DownloadCache cache = new DownloadCache(temp);
    Path abandoned = Files.writeString(cache.temporaryFor(CHECKSUM, FILE), "first bytes of a killed build");
    Files.setLastModifiedTime(abandoned,
        FileTime.from(Instant.now().minus(DownloadCache.ABANDONED_AFTER).minusSeconds(60)));

    Path next = cache.temporaryFor(CHECKSUM, FILE);

    assertThat(abandoned).doesNotExist();
    assertThat(next).doesNotExist();
    assertThat(next.getParent()).isEqualTo(abandoned.getParent());
  }

  @Test
  void aPartialDownloadStillBeingWrittenIsLeftAlone() throws Exception {
    DownloadCache cache = new DownloadCache(temp);
    Path running = Files.writeString(cache.temporaryFor(CHECKSUM, FILE), "bytes arriving now");
    Path otherFile = Files.writeString(cache.temporaryFor(CHECKSUM, "other.tgz"), "other");
    Files.setLastModifiedTime(otherFile,
        FileTime.from(Instant.now().minus(DownloadCache.ABANDONED_AFTER).minusSeconds(60)));

    cache.temporaryFor(CHECKSUM, FILE);

    assertThat(running).hasContent("bytes arriving now");
    assertThat(otherFile).exists();
  }
}
