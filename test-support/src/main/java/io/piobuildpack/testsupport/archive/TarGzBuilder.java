package io.piobuildpack.testsupport.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds {@code .tar.gz} archives in code, including hostile ones: names are written exactly as given (absolute
 * names and {@code ..} are kept), and symbolic links, hard links, character devices and FIFOs can be added. Long
 * names use POSIX (PAX) headers, as GNU tar reads them.
 *
 * <p>Entries are written in the order they are added. Modes are Unix permission bits (e.g. {@code 0755}); the file
 * type bits are added by the builder.
 */
public final class TarGzBuilder {

  private final List<Entry> entries = new ArrayList<>();
  private Instant modified = Instant.parse("2019-03-11T10:00:00Z");
  private int compressionLevel = Deflater.DEFAULT_COMPRESSION;

  private record Entry(String name, byte type, int mode, byte[] body, String link, Instant modified) {}

  /** A new, empty builder. */
  public static TarGzBuilder create() {
    return new TarGzBuilder();
  }

  /** The modification time given to entries added from now on (default 2019-03-11T10:00:00Z). */
  public TarGzBuilder modified(Instant time) {
    this.modified = time;
    return this;
  }

  /** The gzip level, 0-9 (default: zlib's default, 6). */
  public TarGzBuilder compressionLevel(int level) {
    this.compressionLevel = level;
    return this;
  }

  /** A directory entry; a trailing slash is added when missing. */
  public TarGzBuilder directory(String name, int mode) {
    String dir = name.endsWith("/") ? name : name + "/";
    entries.add(new Entry(dir, TarConstants.LF_DIR, mode, new byte[0], null, modified));
    return this;
  }

  /** A regular file with mode 0644. */
  public TarGzBuilder file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  /** A regular file. */
  public TarGzBuilder file(String name, byte[] content, int mode) {
    entries.add(new Entry(name, TarConstants.LF_NORMAL, mode, content.clone(), null, modified));
    return this;
  }

  /** An executable regular file (mode 0755). */
  public TarGzBuilder executable(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0755);
  }

  /** A symbolic link {@code name -> target}, target written as given. */
  public TarGzBuilder symlink(String name, String target) {
    entries.add(new Entry(name, TarConstants.LF_SYMLINK, 0777, new byte[0], target, modified));
    return this;
  }

  /** A hard link {@code name} to the earlier entry (or any name) {@code target}. */
  public TarGzBuilder hardLink(String name, String target) {
    entries.add(new Entry(name, TarConstants.LF_LINK, 0644, new byte[0], target, modified));
    return this;
  }

  /** A character device entry (major 1, minor 3: {@code /dev/null}'s numbers). */
  public TarGzBuilder characterDevice(String name) {
    entries.add(new Entry(name, TarConstants.LF_CHR, 0666, new byte[0], null, modified));
    return this;
  }

  /** A FIFO (named pipe) entry. */
  public TarGzBuilder fifo(String name) {
    entries.add(new Entry(name, TarConstants.LF_FIFO, 0644, new byte[0], null, modified));
    return this;
  }

  /** The archive's bytes. */
  public byte[] build() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writeTo(bytes);
    return bytes.toByteArray();
  }

  /** Writes the archive to a file (replacing it) and returns the path. */
  public Path writeTo(Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      writeTo(out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeTo(OutputStream target) {
    int level = compressionLevel;
    try (GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16) {
          {
            def.setLevel(level);
          }
        };
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, 1 << 16)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(true);
      for (Entry entry : entries) {
        TarArchiveEntry header = new TarArchiveEntry(entry.name(), entry.type(), true);
        header.setMode(typeBits(entry.type()) | entry.mode());
        header.setModTime(entry.modified().toEpochMilli());
        if (entry.link() != null) {
          header.setLinkName(entry.link());
        }
        if (entry.type() == TarConstants.LF_CHR) {
          header.setDevMajor(1);
          header.setDevMinor(3);
        }
        header.setSize(entry.type() == TarConstants.LF_NORMAL ? entry.body().length : 0);
        tar.putArchiveEntry(header);
        if (entry.type() == TarConstants.LF_NORMAL) {
          tar.write(entry.body());
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int typeBits(byte type) {
    return switch (type) {
      case TarConstants.LF_DIR -> 0040000;
      case TarConstants.LF_SYMLINK -> 0120000;
      case TarConstants.LF_CHR -> 0020000;
      case TarConstants.LF_FIFO -> 0010000;
      default -> 0100000;
    };
  }
}
