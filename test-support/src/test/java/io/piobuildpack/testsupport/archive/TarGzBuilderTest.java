package io.piobuildpack.testsupport.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class TarGzBuilderTest {

  private static List<TarArchiveEntry> read(byte[] archive) throws Exception {
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  @Test
  void writesHostileNamesAndSpecialEntriesExactlyAsGiven() throws Exception {
    byte[] archive = TarGzBuilder.create()
        .file("/etc/evil", "x")
        .file("top/../../evil", "x")
        .symlink("top/link", "../../outside")
        .hardLink("top/hard", "/etc/shadow")
        .characterDevice("top/null")
        .fifo("top/pipe")
        .build();

    List<TarArchiveEntry> entries = read(archive);

    assertThat(entries).extracting(TarArchiveEntry::getName)
        .containsExactly("/etc/evil", "top/../../evil", "top/link", "top/hard", "top/null", "top/pipe");
    assertThat(entries.get(2).isSymbolicLink()).isTrue();
    assertThat(entries.get(2).getLinkName()).isEqualTo("../../outside");
    assertThat(entries.get(3).isLink()).isTrue();
    assertThat(entries.get(4).isCharacterDevice()).isTrue();
    assertThat(entries.get(5).isFIFO()).isTrue();
  }

  @Test
  void distributionLayoutsHaveTheirRealTopFolderAndExecutables() throws Exception {
    List<TarArchiveEntry> pio = read(DistributionLayouts.predictionIo("0.14.0").build());
    List<TarArchiveEntry> spark = read(DistributionLayouts.spark("2.4.8", "2.7").build());

    assertThat(pio).allSatisfy(e -> assertThat(e.getName()).startsWith("PredictionIO-0.14.0/"));
    assertThat(pio).filteredOn(e -> e.getName().equals("PredictionIO-0.14.0/bin/pio"))
        .singleElement().satisfies(e -> assertThat(e.getMode() & 0777).isEqualTo(0755));
    assertThat(spark).extracting(TarArchiveEntry::getName).contains("spark-2.4.8-bin-hadoop2.7/bin/spark-submit");
  }
}
