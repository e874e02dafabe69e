package io.piobuildpack.it.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** The bytes of a tree's regular files (symbolic links not followed), as a slug's size is counted. */
public final class DirectorySize {

  private DirectorySize() {}

  /** The sum of the sizes of every regular file under {@code root}; 0 when it does not exist. */
  public static long of(Path root) {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.mapToLong(DirectorySize::regularFileSize).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure " + root, e);
    }
  }

  private static long regularFileSize(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      return attributes.isRegularFile() ? attributes.size() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
