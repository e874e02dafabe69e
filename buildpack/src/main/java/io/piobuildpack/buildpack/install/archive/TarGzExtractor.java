package io.piobuildpack.buildpack.install.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts a {@code .tar.gz}/{@code .tgz} into an empty directory with Apache Commons Compress, refusing every
 * entry that could reach outside it. Kept: regular files (permission bits, so executables stay executable, and
 * modification times), directories (mode and time applied after their content), relative symbolic links whose
 * target stays inside the directory, hard links to earlier regular files inside it.
 *
 * <p>Refused, naming the archive and the entry ({@link UnsafeArchiveEntryException}): absolute names, names with a
 * {@code ..} segment, symbolic links with an absolute target or one that resolves (following the links of the same
 * archive) outside the directory, hard links to anything but a regular file inside it, character and block devices,
 * FIFOs and other special types, and any entry whose path goes through (or replaces) a symbolic link created by an
 * earlier entry. GNU tar refuses {@code ..} names and strips a leading {@code /} by default
 * (https://www.gnu.org/software/tar/manual/html_node/absolute.html) and warns about archives whose links lead
 * elsewhere (https://www.gnu.org/software/tar/manual/html_node/Integrity.html); this extractor refuses all of them.
 *
 * <p>The caller extracts into a fresh temporary directory and discards it on failure.
 */
public final class TarGzExtractor {

  private static final int BUFFER = 1 << 16;
  private static final int MAX_LINK_DEPTH = 40;
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[/\\\\].*");
  private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");

  /** Counts of what one extraction created. */
  public record Summary(int files, int directories, int symbolicLinks, int hardLinks, long bytes) {}

  /**
   * Extracts {@code archive} into {@code target}, which must exist and be empty.
   *
   * @param archiveName the name for messages (e.g. the download's file name)
   * @throws UnsafeArchiveEntryException for a refused entry
   * @throws ArchiveException when the archive cannot be read
   */
  public Summary extract(Path archive, Path target, String archiveName)
      throws UnsafeArchiveEntryException, ArchiveException {
    try (InputStream file = Files.newInputStream(archive)) {
      return extract(file, target, archiveName);
    } catch (IOException e) {
      throw new ArchiveException(archiveName + ": cannot read the archive (" + e.getMessage() + ")", e);
    }
  }

  /** As {@link #extract(Path, Path, String)}, from a stream of {@code .tar.gz} bytes. */
  public Summary extract(InputStream tarGz, Path target, String archiveName)
      throws UnsafeArchiveEntryException, ArchiveException {
    Run run;
    try {
      run = new Run(target.toAbsolutePath().normalize(), archiveName);
    } catch (IOException e) {
      throw new ArchiveException(archiveName + ": cannot use the target directory " + target, e);
    }
    try (PipelinedGunzip gunzip = new PipelinedGunzip(tarGz);
        TarArchiveInputStream tar = new TarArchiveInputStream(gunzip, BUFFER)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        run.entry(entry, tar);
      }
      run.finish();
      return run.summary();
    } catch (UnsafeArchiveEntryException e) {
      throw e;
    } catch (IOException e) {
      throw new ArchiveException(archiveName + ": cannot extract (" + e.getMessage() + ")", e);
    }
  }

  /** One extraction's state. */
  private static final class Run {
    private final Path root;
    private final String archive;
    private final Map<Path, String> symlinks = new HashMap<>();
    private final Deque<Object[]> directories = new ArrayDeque<>();
    private final byte[] buffer = new byte[BUFFER];
    private int files;
    private int dirs;
    private int hardLinks;
    private long bytes;

    Run(Path root, String archive) throws IOException {
      this.root = root;
      this.archive = archive;
      if (!Files.isDirectory(root)) {
        throw new IOException("not a directory");
      }
    }

    void entry(TarArchiveEntry entry, InputStream in) throws IOException, UnsafeArchiveEntryException {
      String name = entry.getName();
      Path path = resolve(name);
      if (path == null) {
        return; // "./" or "": the target itself
      }
      checkParents(name, path);
      if (entry.isDirectory()) {
        if (symlinks.containsKey(path)) {
          throw refuse(name, "is a directory replacing the symbolic link of an earlier entry");
        }
        Files.createDirectories(path);
        directories.push(new Object[] {path, entry.getMode(), entry.getLastModifiedDate().getTime()});
        dirs++;
      } else if (entry.isSymbolicLink()) {
        symlink(entry, name, path);
      } else if (entry.isLink()) {
        hardLink(entry, name, path);
      } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
        throw refuse(name, "is a " + (entry.isCharacterDevice() ? "character" : "block") + " device");
      } else if (entry.isFIFO()) {
        throw refuse(name, "is a FIFO (named pipe)");
      } else if (entry.isFile()) {
        file(entry, name, path, in);
      } else {
        throw refuse(name, "has an unsupported type '" + (char) entry.getLinkFlag() + "'");
      }
    }

    /** The entry's path inside the root, or null for the root itself. */
    private Path resolve(String name) throws UnsafeArchiveEntryException {
      if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
        throw refuse(name, "has an absolute name");
      }
      for (String segment : SEPARATORS.split(name)) {
        if (segment.equals("..")) {
          throw refuse(name, "has a \"..\" segment (path traversal)");
        }
      }
      Path path = root.resolve(name).normalize();
      if (path.equals(root)) {
        return null;
      }
      if (!path.startsWith(root)) {
        throw refuse(name, "resolves outside the target directory");
      }
      return path;
    }

    private void checkParents(String name, Path path) throws UnsafeArchiveEntryException {
      for (Path parent = path.getParent(); parent != null && !parent.equals(root); parent = parent.getParent()) {
        if (symlinks.containsKey(parent)) {
          throw refuse(name, "would be written through the symbolic link \"" + root.relativize(parent)
              + "\" of an earlier entry");
        }
      }
    }

    private void file(TarArchiveEntry entry, String name, Path path, InputStream in)
        throws IOException, UnsafeArchiveEntryException {
      if (symlinks.containsKey(path)) {
        throw refuse(name, "would overwrite the symbolic link of an earlier entry");
      }
      Files.createDirectories(path.getParent());
      Files.deleteIfExists(path);
      try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          out.write(buffer, 0, n);
          bytes += n;
        }
      }
      Files.setPosixFilePermissions(path, permissions(entry.getMode()));
      Files.setLastModifiedTime(path, FileTime.fromMillis(entry.getLastModifiedDate().getTime()));
      files++;
    }

    private void symlink(TarArchiveEntry entry, String name, Path path)
        throws IOException, UnsafeArchiveEntryException {
      String target = entry.getLinkName();
      if (target.isEmpty() || target.startsWith("/") || target.startsWith("\\")) {
        throw refuse(name, "is a symbolic link to the absolute path \"" + target + "\"");
      }
      if (resolveLink(path.getParent(), target, 0) == null) {
        throw refuse(name, "is a symbolic link to \"" + target + "\", outside the target directory");
      }
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          throw refuse(name, "is a symbolic link replacing a directory of an earlier entry");
        }
        Files.delete(path);
      }
      Files.createDirectories(path.getParent());
      Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
      symlinks.put(path, target);
    }

    private void hardLink(TarArchiveEntry entry, String name, Path path)
        throws IOException, UnsafeArchiveEntryException {
      String targetName = entry.getLinkName();
      Path target;
      try {
        target = resolve(targetName);
      } catch (UnsafeArchiveEntryException e) {
        throw refuse(name, "is a hard link to \"" + targetName + "\", outside the target directory");
      }
      if (target == null || symlinks.containsKey(target) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
          || throughSymlink(target)) {
        throw refuse(name, "is a hard link to \"" + targetName + "\", which is not a regular file of this archive");
      }
      if (symlinks.containsKey(path)) {
        throw refuse(name, "would overwrite the symbolic link of an earlier entry");
      }
      Files.createDirectories(path.getParent());
      Files.deleteIfExists(path);
      try {
        Files.createLink(path, target);
      } catch (FileAlreadyExistsException e) {
        throw refuse(name, "is a hard link over an existing entry");
      }
      hardLinks++;
    }

    private boolean throughSymlink(Path path) {
      for (Path parent = path.getParent(); parent != null && !parent.equals(root); parent = parent.getParent()) {
        if (symlinks.containsKey(parent)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Resolves a link target step by step from {@code dir}, following this archive's symbolic links; null when a
     * step leaves the root. Dangling targets inside the root are allowed.
     */
    private Path resolveLink(Path dir, String target, int depth) {
      if (depth > MAX_LINK_DEPTH) {
        return null;
      }
      Path current = dir;
      for (String segment : target.split("/")) {
        if (segment.isEmpty() || segment.equals(".")) {
          continue;
        }
        if (segment.equals("..")) {
          if (current.equals(root)) {
            return null;
          }
          current = current.getParent();
          continue;
        }
        current = current.resolve(segment);
        String link = symlinks.get(current);
        if (link != null) {
          if (link.startsWith("/")) {
            return null;
          }
          current = resolveLink(current.getParent(), link, depth + 1);
          if (current == null) {
            return null;
          }
        }
      }
      return current.startsWith(root) ? current : null;
    }

    void finish() throws IOException, UnsafeArchiveEntryException {
      // Links may point at links created later: check every link again against the final set.
      for (Map.Entry<Path, String> link : symlinks.entrySet()) {
        if (resolveLink(link.getKey().getParent(), link.getValue(), 0) == null) {
          throw refuse(root.relativize(link.getKey()).toString(),
              "is a symbolic link to \"" + link.getValue() + "\", outside the target directory");
        }
      }
      List<Object[]> ordered = new ArrayList<>(directories);
      for (Object[] dir : ordered) {
        Path path = (Path) dir[0];
        Files.setPosixFilePermissions(path, permissions((Integer) dir[1] | 0700));
        Files.setLastModifiedTime(path, FileTime.fromMillis((Long) dir[2]));
      }
    }

    Summary summary() {
      return new Summary(files, dirs, symlinks.size(), hardLinks, bytes);
    }

    private UnsafeArchiveEntryException refuse(String name, String reason) {
      return new UnsafeArchiveEntryException(archive, name, reason);
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }
}
