package io.piobuildpack.it.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The buildpack's bundled inventory ({@value Inventory#RESOURCE}) pointed at stand-in artifacts: an entry whose URL
 * ends in a served file's name, for {@code any} platform or {@code amd64}, gets the served URL and checksum and loses
 * its {@code checksumUrl}/{@code checksumAlgorithm}; every other entry, and every other field, stays as it is.
 */
final class TestInventory {

  /** Platforms whose entries are pointed at the stand-ins (the JDKs of other architectures keep their URLs). */
  static final Set<String> SERVED_ARCHES = Set.of("any", "amd64");

  private TestInventory() {}

  /**
   * The rewritten inventory as JSON text.
   *
   * @param urls served file name to its URL
   * @param checksums served file name to {@code <algorithm>:<hex>}
   * @param notInInventory served files expected in no entry
   * @throws IllegalStateException when a served file (other than {@code notInInventory}) matches no entry: the
   *     bundled inventory changed and the stand-ins must follow
   */
  static String rewrite(Map<String, URI> urls, Map<String, String> checksums, List<String> notInInventory) {
    ObjectMapper json = new ObjectMapper();
    JsonNode tree = bundled(json);
    Set<String> matched = new HashSet<>();
    for (JsonNode node : tree.get("artifacts")) {
      ObjectNode artifact = (ObjectNode) node;
      String url = artifact.get("url").asText();
      String file = url.substring(url.lastIndexOf('/') + 1);
      if (urls.containsKey(file) && SERVED_ARCHES.contains(artifact.get("arch").asText())) {
        artifact.put("url", urls.get(file).toString());
        artifact.put("checksum", checksums.get(file));
        artifact.remove("checksumUrl");
        artifact.remove("checksumAlgorithm");
        matched.add(file);
      }
    }
    Set<String> unmatched = new HashSet<>(urls.keySet());
    unmatched.removeAll(matched);
    unmatched.removeAll(notInInventory);
    if (!unmatched.isEmpty()) {
      throw new IllegalStateException("stand-in artifacts in no entry of " + Inventory.RESOURCE + ": " + unmatched);
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled inventory's JSON tree, read from the buildpack's class path. */
  static JsonNode bundled(ObjectMapper json) {
    try (InputStream in = Inventory.class.getResourceAsStream(Inventory.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(Inventory.RESOURCE + " is not on the class path");
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
