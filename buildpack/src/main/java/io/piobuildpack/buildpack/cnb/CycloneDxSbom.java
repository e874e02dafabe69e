package io.piobuildpack.buildpack.cnb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.piobuildpack.buildpack.install.common.Toolkit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A layer's SBOM, {@code <layer>.sbom.cdx.json}, in CycloneDX 1.4 JSON (https://cyclonedx.org/docs/1.4/json/):
 * one component per installed artifact with its name, version, hash and download URL (a
 * {@code distribution} external reference). The media type {@value #MEDIA_TYPE} is listed in
 * {@code buildpack.toml} {@code sbom-formats}.
 */
public final class CycloneDxSbom {

  /** The media type of the format (Buildpack API {@code sbom-formats}). */
  public static final String MEDIA_TYPE = "application/vnd.cyclonedx+json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CycloneDxSbom() {}

  /**
   * Writes the SBOM of a layer.
   *
   * @throws IOException when it cannot be written
   */
  public static void write(Path file, List<LayerArtifact> artifacts) throws IOException {
    Map<String, Object> bom = new LinkedHashMap<>();
    bom.put("bomFormat", "CycloneDX");
    bom.put("specVersion", "1.4");
    bom.put("version", 1);
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("vendor", "piobuildpack");
    tool.put("name", Toolkit.NAME);
    tool.put("version", Toolkit.version());
    bom.put("metadata", Map.of("tools", List.of(tool)));
    List<Object> components = new ArrayList<>();
    for (LayerArtifact artifact : artifacts) {
      Map<String, Object> component = new LinkedHashMap<>();
      component.put("type", artifact.name().endsWith("jar") || artifact.url().endsWith(".jar") ? "library"
          : "application");
      component.put("name", artifact.name());
      component.put("version", artifact.version());
      int colon = artifact.checksum().indexOf(':');
      if (colon > 0) {
        component.put("hashes", List.of(Map.of("alg", algorithm(artifact.checksum().substring(0, colon)),
            "content", artifact.checksum().substring(colon + 1))));
      }
      if (!artifact.url().isEmpty()) {
        component.put("externalReferences", List.of(Map.of("type", "distribution", "url", artifact.url())));
      }
      components.add(component);
    }
    bom.put("components", components);
    Layers.writeAtomically(file, JSON.writeValueAsString(bom));
  }

  /** {@code sha256} to CycloneDX's {@code SHA-256}. */
  private static String algorithm(String prefix) {
    String upper = prefix.toUpperCase(Locale.ROOT);
    return upper.startsWith("SHA") ? "SHA-" + upper.substring(3) : upper;
  }
}
