package io.piobuildpack.it.deploy;

import io.piobuildpack.it.files.Trees;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

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
    Trees.copy(from, to, Set.of());
    return to;
  }
}
