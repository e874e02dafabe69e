package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.buildpack.install.InstallRecord;
import io.piobuildpack.buildpack.install.common.Urls;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One installed artifact as a layer's {@code [[metadata.artifacts]]} entry and an SBOM component.
 *
 * @param name e.g. {@code spark}
 * @param version e.g. {@code 2.4.8-hadoop2.7}
 * @param checksum {@code <algo>:<hex>} of the file installed (empty before install for a published-file artifact)
 * @param verification {@code PINNED}, {@code PUBLISHED_FILE} or {@code UNVERIFIED}
 * @param url the origin URL without user info or query ({@link Urls#forLog})
 */
public record LayerArtifact(String name, String version, String checksum, String verification, String url) {

  /** What the build expects, before anything is fetched (a published checksum is not known yet). */
  public static LayerArtifact expected(Artifact artifact) {
    return new LayerArtifact(artifact.name(), artifact.version(),
        artifact.pinned().map(Object::toString).orElse(""), artifact.verification().name(),
        Urls.forLog(artifact.url()));
  }

  /** What was installed. */
  public static LayerArtifact installed(InstallRecord record) {
    return new LayerArtifact(record.name(), record.version(), record.checksum(), record.verification(),
        record.url());
  }

  /** Reads an entry of restored metadata; missing keys read as empty. */
  static LayerArtifact fromMap(Map<?, ?> map) {
    return new LayerArtifact(text(map, "name"), text(map, "version"), text(map, "checksum"),
        text(map, "verification"), text(map, "url"));
  }

  private static String text(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value == null ? "" : value.toString();
  }

  /** The entry as a TOML table. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.put("version", version);
    map.put("checksum", checksum);
    map.put("verification", verification);
    map.put("url", url);
    return map;
  }
}
