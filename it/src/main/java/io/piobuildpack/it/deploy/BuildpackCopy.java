package io.piobuildpack.it.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A private copy of a buildpack directory (permissions and symbolic links kept), for a CNB build that must read a
 * file placed in the buildpack itself, such as an inventory override, without touching the packaged buildpack.
 */
public final class BuildpackCopy {

  private BuildpackCopy() {}

  /**
   * Copies {@code from} to {@code to} (replaced when it exists).
   *
   * @return {@code to}
   * @throws UncheckedIOException when a file cannot be copied
   */
  public static Path copy(Path from, Path to) {
    Trees.delete(to);
    try {
      Files.walkFileTree(from, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
          Files.createDirectories(to.resolve(from.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
              LinkOption.NOFOLLOW_LINKS);
          return FileVisitResult.CONTINUE;
        }
      });
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the buildpack " + from + " to " + to, e);
    }
  }
}
