package io.piobuildpack.buildpack.cnb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a layer should hold in this build: the basis of the reuse decision (libpak's {@code LayerContributor} and
 * libcnb.rs' restored-layer action compare the same way: expected metadata against restored metadata).
 *
 * @param name the layer name (directory {@code <layers>/<name>}, file {@code <layers>/<name>.toml})
 * @param types its {@code [types]}
 * @param artifacts the artifacts installed into it, in install order
 * @param inputs other inputs that change its contents (e.g. the Spark layer it links to), as text
 * @param toolkitVersionMatters whether a new toolkit version alone replaces it (the toolkit layer)
 */
public record LayerSpec(String name, LayerTypes types, List<LayerArtifact> artifacts, Map<String, String> inputs,
    boolean toolkitVersionMatters) {

  /** The version of the layout of every layer; raising it replaces every layer once. */
  public static final String LAYER_FORMAT = "1";

  /** Copies the collections (inputs sorted by name). */
  public LayerSpec {
    artifacts = List.copyOf(artifacts);
    inputs = java.util.Collections.unmodifiableMap(new TreeMap<>(inputs));
  }

  /**
   * Why the restored layer cannot be kept, or empty when it can.
   *
   * @param restored the restored {@code [metadata]}, empty when there is no {@code <layer>.toml}
   * @param toolkitVersion this build's toolkit version
   * @param contentsPresent whether the layer's contents were restored (a launch layer's metadata can come back
   *     from the image without its contents when the cache is gone)
   */
  public Optional<String> replaceReason(Optional<LayerMetadata> restored, String toolkitVersion,
      boolean contentsPresent) {
    if (restored.isEmpty()) {
      return Optional.of("not built before");
    }
    LayerMetadata old = restored.get();
    if (!LAYER_FORMAT.equals(old.layerFormat())) {
      return Optional.of("layer format changed from '" + old.layerFormat() + "' to '" + LAYER_FORMAT + "'");
    }
    if (toolkitVersionMatters && !toolkitVersion.equals(old.toolkitVersion())) {
      return Optional.of("toolkit version changed from " + old.toolkitVersion() + " to " + toolkitVersion);
    }
    for (int i = 0; i < artifacts.size(); i++) {
      LayerArtifact now = artifacts.get(i);
      if (i >= old.artifacts().size() || !old.artifacts().get(i).name().equals(now.name())) {
        return Optional.of(now.name() + " added");
      }
      LayerArtifact before = old.artifacts().get(i);
      if (!before.version().equals(now.version())) {
        return Optional.of(now.name() + " version changed from " + before.version() + " to " + now.version());
      }
      if (!before.url().equals(now.url())) {
        return Optional.of(now.name() + " source changed from " + before.url() + " to " + now.url());
      }
      if (!now.checksum().isEmpty() && !before.checksum().equals(now.checksum())) {
        return Optional.of(now.name() + " checksum changed from " + before.checksum() + " to " + now.checksum());
      }
      if (now.verification().equals("UNVERIFIED") || before.verification().equals("UNVERIFIED")) {
        return Optional.of(now.name() + " is an unverified download, never reused");
      }
    }
    if (old.artifacts().size() > artifacts.size()) {
      return Optional.of(old.artifacts().get(artifacts.size()).name() + " removed");
    }
    if (!inputs.equals(old.inputs())) {
      for (Map.Entry<String, String> input : inputs.entrySet()) {
        String before = old.inputs().get(input.getKey());
        if (!input.getValue().equals(before)) {
          return Optional.of(input.getKey() + " changed from " + (before == null ? "(none)" : "'" + before + "'")
              + " to '" + input.getValue() + "'");
        }
      }
      return Optional.of("inputs changed");
    }
    if (!contentsPresent) {
      return Optional.of("its contents were not restored (the build cache was cleared or does not match the image)");
    }
    return Optional.empty();
  }
}
