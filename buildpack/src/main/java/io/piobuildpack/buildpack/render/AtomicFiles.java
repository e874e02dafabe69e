package io.piobuildpack.buildpack.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a generated file whole or not at all: the content goes to a temporary file in the same directory, created
 * with its final permissions (so a secret is never readable by others, not even for a moment), then is renamed
 * over the target.
 */
public final class AtomicFiles {

  /** How the file may be used. */
  public enum Mode {
    /** {@code rw-r--r--}. */
    PLAIN("rw-r--r--"),
    /** {@code rwxr-xr-x}: launchers and scripts. */
    EXECUTABLE("rwxr-xr-x"),
    /** {@code rw-------}: files that hold passwords or keys. */
    SECRET("rw-------");

    private final Set<PosixFilePermission> permissions;

    Mode(String permissions) {
      this.permissions = PosixFilePermissions.fromString(permissions);
    }
  }

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code target}, creating its directory.
   *
   * @throws UncheckedIOException when the file cannot be written; the target is then unchanged
   */
  public static void write(Path target, byte[] content, Mode mode) {
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path temp = temporary(target, mode);
      try {
        Files.setPosixFilePermissions(temp, mode.permissions); // exactly, whatever the umask
        Files.write(temp, content);
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #write(Path, byte[], Mode)}, for text in UTF-8. */
  public static void write(Path target, String content, Mode mode) {
    write(target, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  private static Path temporary(Path target, Mode mode) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + attempt);
      try {
        return Files.createFile(temp, PosixFilePermissions.asFileAttribute(mode.permissions));
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }
}
