package io.piobuildpack.buildpack.cnb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code [metadata]} table of one of this buildpack's {@code <layer>.toml} files:
 *
 * <pre>
 * [metadata]
 * layer-format = "1"
 * toolkit-version = "0.1.0"
 * [[metadata.artifacts]]
 * name = "spark"
 * version = "2.4.8-hadoop2.7"
 * checksum = "sha256:..."
 * verification = "PINNED"
 * url = "https://archive.apache.org/dist/spark/..."
 * [metadata.inputs]
 * ...
 * </pre>
 *
 * @param layerFormat {@link LayerSpec#LAYER_FORMAT} when written
 * @param toolkitVersion the toolkit version that wrote it
 * @param artifacts what is installed in it
 * @param inputs the other inputs it was built from
 */
public record LayerMetadata(String layerFormat, String toolkitVersion, List<LayerArtifact> artifacts,
    Map<String, String> inputs) {

  /** Copies the collections. */
  public LayerMetadata {
    artifacts = List.copyOf(artifacts);
    inputs = java.util.Collections.unmodifiableMap(new TreeMap<>(inputs));
  }

  /** Reads a parsed {@code [metadata]} table; absent keys read as empty. */
  static LayerMetadata fromMap(Map<?, ?> metadata) {
    List<LayerArtifact> artifacts = new ArrayList<>();
    if (metadata.get("artifacts") instanceof List<?> list) {
      for (Object entry : list) {
        if (entry instanceof Map<?, ?> map) {
          artifacts.add(LayerArtifact.fromMap(map));
        }
      }
    }
    Map<String, String> inputs = new TreeMap<>();
    if (metadata.get("inputs") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> inputs.put(String.valueOf(k), String.valueOf(v)));
    }
    return new LayerMetadata(text(metadata.get("layer-format")), text(metadata.get("toolkit-version")), artifacts,
        inputs);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** The table to write. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("layer-format", layerFormat);
    map.put("toolkit-version", toolkitVersion);
    List<Object> list = new ArrayList<>();
    artifacts.forEach(a -> list.add(a.toMap()));
    map.put("artifacts", list);
    map.put("inputs", new TreeMap<>(inputs));
    return map;
  }
}
