package io.piobuildpack.buildpack.cnb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * This buildpack's layers directory ({@code CNB_LAYERS_DIR}): reading the {@code <layer>.toml} files the lifecycle
 * restored, writing them, removing layers.
 *
 * <p>The lifecycle restores {@code <layer>.toml} <em>without</em> {@code [types]}
 * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#layer-types): a layer whose types are not
 * written again in this build is dropped, so {@link #writeToml} is called for every layer kept, and a restored
 * {@code [types]} table (older lifecycles) is ignored.
 */
public final class Layers {

  /** What was restored for a layer. */
  public record Restored(Optional<LayerMetadata> metadata, Optional<String> problem) {
    /** Nothing restored. */
    static final Restored NONE = new Restored(Optional.empty(), Optional.empty());
  }

  private static final TomlMapper TOML = new TomlMapper();

  private final Path dir;

  /** The layers directory. */
  public Layers(Path dir) {
    this.dir = dir;
  }

  /** {@code <layers>}. */
  public Path dir() {
    return dir;
  }

  /** {@code <layers>/<name>}: the layer's contents. */
  public Path contents(String name) {
    return dir.resolve(name);
  }

  /** {@code <layers>/<name>.toml}. */
  public Path toml(String name) {
    return dir.resolve(name + ".toml");
  }

  /** {@code <layers>/<name>.sbom.cdx.json}. */
  public Path sbom(String name) {
    return dir.resolve(name + ".sbom.cdx.json");
  }

  /**
   * The restored metadata of a layer: empty when there is no {@code <layer>.toml}; a problem (and no metadata)
   * when it cannot be parsed, which makes the layer be replaced.
   */
  public Restored restored(String name) {
    Path file = toml(name);
    if (!Files.isRegularFile(file)) {
      return Restored.NONE;
    }
    try {
      JsonNode root = TOML.readTree(Files.readString(file, StandardCharsets.UTF_8));
      JsonNode metadata = root == null ? null : root.get("metadata");
      if (metadata == null || !metadata.isObject()) {
        return new Restored(Optional.empty(), Optional.of(file.getFileName() + " has no [metadata] table"));
      }
      Map<?, ?> map = TOML.convertValue(metadata, Map.class);
      return new Restored(Optional.of(LayerMetadata.fromMap(map)), Optional.empty());
    } catch (IOException e) {
      return new Restored(Optional.empty(), Optional.of(file.getFileName() + " cannot be read: "
          + e.getMessage().lines().findFirst().orElse("")));
    }
  }

  /**
   * Writes {@code <layer>.toml} (to a temporary file, then renamed): types and metadata.
   *
   * @throws IOException when it cannot be written
   */
  public void writeToml(String name, LayerTypes types, LayerMetadata metadata) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> typesTable = new LinkedHashMap<>();
    typesTable.put("launch", types.launch());
    typesTable.put("build", types.build());
    typesTable.put("cache", types.cache());
    root.put("types", typesTable);
    root.put("metadata", metadata.toMap());
    writeAtomically(toml(name), TOML.writeValueAsString(root));
  }

  /**
   * Removes a layer: its {@code .toml} first (so a failure never leaves metadata describing missing contents),
   * its SBOM, then its contents. A layer not written again is dropped from the image and the cache.
   *
   * @throws IOException when something cannot be deleted
   */
  public void remove(String name) throws IOException {
    Files.deleteIfExists(toml(name));
    try (DirectoryStream<Path> sboms = Files.newDirectoryStream(dir, name + ".sbom.*")) {
      for (Path sbom : sboms) {
        Files.delete(sbom);
      }
    }
    deleteRecursively(contents(name));
  }

  /** Writes text to a file through a temporary file in the same directory and a rename. */
  static void writeAtomically(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes a file or a directory tree (links are deleted, never followed). */
  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(root);
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        d.toFile().setWritable(true, true);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
