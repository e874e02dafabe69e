package io.piobuildpack.buildpack.install.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.testsupport.archive.DistributionLayouts;
import io.piobuildpack.testsupport.archive.TarGzBuilder;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzExtractorTest {

  @TempDir Path temp;
  private Path target;
  private Path outside;
  private final TarGzExtractor extractor = new TarGzExtractor();

  @BeforeEach
  void dirs() throws Exception {
    target = Files.createDirectories(temp.resolve("work/target"));
    outside = temp.resolve("work/outside");
  }

  private TarGzExtractor.Summary extract(TarGzBuilder archive) throws Exception {
    return extractor.extract(new ByteArrayInputStream(archive.build()), target, "hostile.tar.gz");
  }

  @Test
  void extractsFilesKeepingModesTimesAndRelativeSymlinks() throws Exception {
    Instant time = Instant.parse("2019-03-11T10:00:00Z");

    TarGzExtractor.Summary summary = extract(DistributionLayouts.spark("2.4.8", "2.7").modified(time));

    Path top = target.resolve("spark-2.4.8-bin-hadoop2.7");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(top.resolve("bin/spark-submit"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(top.resolve("conf/spark-defaults.conf"
        + ".template")))).isEqualTo("rw-r--r--");
    assertThat(Files.getLastModifiedTime(top.resolve("bin/spark-submit")).toInstant()).isEqualTo(time);
    assertThat(Files.getLastModifiedTime(top.resolve("bin")).toInstant()).isEqualTo(time);
    assertThat(Files.readSymbolicLink(top.resolve("jars/spark-core.jar")).toString())
        .isEqualTo("spark-core_2.11-2.4.8.jar");
    assertThat(Files.size(top.resolve("jars/spark-core.jar"))).isEqualTo(4096);
    assertThat(summary.symbolicLinks()).isEqualTo(1);
  }

  @Test
  void hardLinksToEarlierFilesAreKept() throws Exception {
    extract(TarGzBuilder.create().file("a/jar", "bytes").hardLink("a/same", "a/jar"));

    assertThat(Files.isSameFile(target.resolve("a/jar"), target.resolve("a/same"))).isTrue();
  }

  @Test
  void refusesPathTraversal() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create().file("top/ok", "x").file("top/../../outside/evil", "x")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/../../outside/evil\" has a \"..\" segment (path traversal);"
            + " nothing was installed.");
    assertThat(outside).doesNotExist();
  }

  @Test
  void refusesAbsoluteNames() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create().file(outside.resolve("evil").toString(), "x")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"" + outside.resolve("evil") + "\" has an absolute name;"
            + " nothing was installed.");
    assertThat(outside).doesNotExist();
  }

  @Test
  void refusesSymlinkPointingOutside() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create().symlink("top/link", "../../outside")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/link\" is a symbolic link to \"../../outside\", outside the"
            + " target directory; nothing was installed.");
  }

  @Test
  void refusesSymlinkToAnAbsolutePath() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create().symlink("top/passwd", "/etc/passwd")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/passwd\" is a symbolic link to the absolute path \"/etc/passwd\";"
            + " nothing was installed.");
  }

  @Test
  void refusesSymlinkThatEscapesThroughAnotherSymlink() {
    // d/up -> .. stays inside (it is the root), but d/up/.. would be the root's parent once links are followed.
    assertThatThrownBy(() -> extract(TarGzBuilder.create()
            .directory("d", 0755)
            .symlink("d/up", "..")
            .symlink("d/escape", "up/..")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"d/escape\" is a symbolic link to \"up/..\", outside the target"
            + " directory; nothing was installed.");
  }

  @Test
  void refusesHardLinkPointingOutside() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create().hardLink("top/shadow", "../outside/secret")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/shadow\" is a hard link to \"../outside/secret\", outside the"
            + " target directory; nothing was installed.");
  }

  @Test
  void refusesHardLinkToAnAbsolutePath() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create().hardLink("top/shadow", "/etc/shadow")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/shadow\" is a hard link to \"/etc/shadow\", outside the target"
            + " directory; nothing was installed.");
  }

  @Test
  void refusesHardLinkThroughASymlink() throws Exception {
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secret"), "secret");

    assertThatThrownBy(() -> extract(TarGzBuilder.create()
            .symlink("top/out", "..")
            .hardLink("top/shadow", "top/out/x")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/shadow\" is a hard link to \"top/out/x\", which is not a regular"
            + " file of this archive; nothing was installed.");
  }

  @Test
  void refusesWritingThroughAnEarlierSymlink() throws Exception {
    Files.createDirectories(outside);

    assertThatThrownBy(() -> extract(TarGzBuilder.create()
            .symlink("top/dir", ".")
            .symlink("top/dir2", "dir")
            .file("top/dir2/evil", "x")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/dir2/evil\" would be written through the symbolic link"
            + " \"top/dir2\" of an earlier entry; nothing was installed.");
  }

  @Test
  void refusesOverwritingAnEarlierSymlinkWithAFile() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create()
            .file("top/real", "x")
            .symlink("top/link", "real")
            .file("top/link", "overwrite")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/link\" would overwrite the symbolic link of an earlier entry;"
            + " nothing was installed.");
    assertThat(target.resolve("top/real")).hasContent("x");
  }

  @Test
  void refusesCharacterDevices() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create().characterDevice("top/null")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/null\" is a character device; nothing was installed.");
  }

  @Test
  void refusesFifos() {
    assertThatThrownBy(() -> extract(TarGzBuilder.create().fifo("top/pipe")))
        .isInstanceOf(UnsafeArchiveEntryException.class)
        .hasMessage("hostile.tar.gz: entry \"top/pipe\" is a FIFO (named pipe); nothing was installed.");
  }

  @Test
  void notAGzipFileFailsNamingTheArchive() {
    assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream("<html>".getBytes()), target,
            "spark.tgz"))
        .isInstanceOf(ArchiveException.class)
        .hasMessage("spark.tgz: cannot extract (Not in GZIP format)");
  }

  @Test
  void symlinkTargetsMayBeDanglingInsideTheTarget() throws Exception {
    extract(TarGzBuilder.create().symlink("top/later", "missing/file"));

    assertThat(Files.isSymbolicLink(target.resolve("top/later"))).isTrue();
    assertThat(Files.exists(target.resolve("top/later"), LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void archiveCutShortFailsNamingTheArchive() throws Exception {
    byte[] whole = DistributionLayouts.predictionIo("0.14.0").build();
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> extractor.extract(new ByteArrayInputStream(cut), target, "pio.tar.gz"))
        .isInstanceOf(ArchiveException.class)
        .hasMessage("pio.tar.gz: cannot extract (Unexpected end of ZLIB input stream)");
  }
}
