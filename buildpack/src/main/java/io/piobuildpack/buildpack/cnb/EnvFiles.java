package io.piobuildpack.buildpack.cnb;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a layer's environment files (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#environment-variable-modification-rules):
 * one file per variable and operation in {@code <layer>/env.launch/} (launch only), content used verbatim (no
 * trailing newline is written). The lifecycle's rules this class relies on:
 *
 * <ul>
 *   <li>{@code NAME.override}: replaces the value (later buildpacks win);
 *   <li>{@code NAME.default}: sets the value only when it is not set (earlier buildpacks win), so the user's own
 *       value stays;
 *   <li>{@code NAME.prepend} + {@code NAME.delim}: puts the value first; without a {@code .delim} file the
 *       lifecycle inserts no separator at all, so {@link #prepend} always writes both.
 * </ul>
 */
public final class EnvFiles {

  private final Path dir;

  private EnvFiles(Path dir) {
    this.dir = dir;
  }

  /** The launch-time files of a layer: {@code <layer>/env.launch/}. */
  public static EnvFiles launch(Path layerDir) {
    return new EnvFiles(layerDir.resolve("env.launch"));
  }

  /** {@code NAME.override}. */
  public EnvFiles override(String name, String value) throws IOException {
    Layers.writeAtomically(dir.resolve(name + ".override"), value);
    return this;
  }

  /** {@code NAME.default}. */
  public EnvFiles defaultValue(String name, String value) throws IOException {
    Layers.writeAtomically(dir.resolve(name + ".default"), value);
    return this;
  }

  /** {@code NAME.prepend} with {@code NAME.delim}. */
  public EnvFiles prepend(String name, String value, String delimiter) throws IOException {
    Layers.writeAtomically(dir.resolve(name + ".prepend"), value);
    Layers.writeAtomically(dir.resolve(name + ".delim"), delimiter);
    return this;
  }
}
