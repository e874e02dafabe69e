package io.piobuildpack.buildpack.install.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the buildpack can install, read from the JSON resource {@code inventory.json} beside this package
 * (see {@code docs/install.md} for the list and where each checksum comes from).
 *
 * <p>Shape: {@code predictionio.default}, {@code predictionio.releases[]} ({@link Release}),
 * {@code predictionio.refused[]} ({@link RefusedRelease}), {@code defaults} (name → version) and
 * {@code artifacts[]} ({@link Artifact}). Immutable once loaded.
 */
public final class Inventory {

  /** The classpath resource holding the buildpack's inventory. */
  public static final String RESOURCE = "/io/piobuildpack/buildpack/install/inventory.json";

  private final String defaultPredictionIo;
  private final List<Release> releases;
  private final List<RefusedRelease> refused;
  private final Map<String, String> defaults;
  private final List<Artifact> artifacts;

  private Inventory(String defaultPredictionIo, List<Release> releases, List<RefusedRelease> refused,
      Map<String, String> defaults, List<Artifact> artifacts) {
    this.defaultPredictionIo = defaultPredictionIo;
    this.releases = List.copyOf(releases);
    this.refused = List.copyOf(refused);
    this.defaults = Map.copyOf(defaults);
    this.artifacts = List.copyOf(artifacts);
  }

  /** The buildpack's own inventory. */
  public static Inventory load() {
    try (InputStream in = Inventory.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the buildpack jar");
      }
      return parse(in, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads an inventory in the shape described on the type.
   *
   * @param source the file name for error messages
   * @throws InventoryException naming the source and the entry when a field is missing or invalid
   */
  public static Inventory parse(InputStream in, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new InventoryException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    String where = source;
    try {
      JsonNode pio = root.path("predictionio");
      List<Release> releases = new ArrayList<>();
      for (JsonNode node : pio.path("releases")) {
        where = source + " predictionio.releases " + node.path("version").asText("?");
        List<String> spark = new ArrayList<>();
        node.path("spark").forEach(v -> spark.add(v.asText()));
        releases.add(new Release(text(node, "version"), text(node, "sparkDefault"), spark,
            text(node, "elasticsearch"), text(node, "source")));
      }
      List<RefusedRelease> refused = new ArrayList<>();
      for (JsonNode node : pio.path("refused")) {
        where = source + " predictionio.refused " + node.path("version").asText("?");
        refused.add(new RefusedRelease(text(node, "version"), text(node, "sparkDefault"), text(node, "reason")));
      }
      Map<String, String> defaults = new TreeMap<>();
      root.path("defaults").properties().forEach(e -> defaults.put(e.getKey(), e.getValue().asText()));
      List<Artifact> artifacts = new ArrayList<>();
      int index = 0;
      for (JsonNode node : root.path("artifacts")) {
        where = source + " artifacts[" + index++ + "] (" + node.path("name").asText("?") + " "
            + node.path("version").asText("?") + ")";
        artifacts.add(artifact(node));
      }
      where = source + " predictionio.default";
      Inventory inventory = new Inventory(text(pio, "default"), releases, refused, defaults, artifacts);
      inventory.check(source);
      return inventory;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InventoryException(where + ": " + e.getMessage(), e);
    }
  }

  private static Artifact artifact(JsonNode node) {
    String checksum = optional(node, "checksum");
    String checksumUrl = optional(node, "checksumUrl");
    String algorithm = optional(node, "checksumAlgorithm");
    String name = text(node, "name");
    String hadoop = optional(node, "hadoop");
    String version = text(node, "version");
    String key = name.equals("spark") && hadoop != null ? version + "-hadoop" + hadoop : version;
    return new Artifact(name, key, text(node, "os"), text(node, "arch"), URI.create(text(node, "url")),
        checksum == null ? null : Checksum.parse(checksum),
        checksumUrl == null ? null : URI.create(checksumUrl),
        algorithm == null ? null : ChecksumAlgorithm.fromLabel(algorithm),
        text(node, "format"), optional(node, "strip"), text(node, "source"));
  }

  private void check(String source) {
    if (release(defaultPredictionIo).isEmpty()) {
      throw new InventoryException(source + ": predictionio.default " + defaultPredictionIo + " is not a release",
          null);
    }
    for (Release release : releases) {
      find("predictionio", release.version(), "any", "any").orElseThrow(() -> new InventoryException(
          source + ": release " + release.version() + " has no predictionio artifact", null));
      for (String spark : release.sparkVersions()) {
        find("spark", spark + "-hadoop" + defaults.get("hadoop"), "any", "any").orElseThrow(
            () -> new InventoryException(source + ": release " + release.version() + " lists Spark " + spark
                + " but there is no spark artifact for it", null));
      }
    }
  }

  private static String text(JsonNode node, String field) {
    String value = optional(node, field);
    if (value == null) {
      throw new IllegalArgumentException("field \"" + field + "\" is missing");
    }
    return value;
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The PredictionIO version installed when the app does not ask for one. */
  public String defaultPredictionIo() {
    return defaultPredictionIo;
  }

  /** Every PredictionIO release the buildpack installs, newest first. */
  public List<Release> releases() {
    return releases;
  }

  /** A supported PredictionIO release by exact version. */
  public Optional<Release> release(String version) {
    return releases.stream().filter(r -> r.version().equals(version)).findFirst();
  }

  /** A refused PredictionIO release by exact version. */
  public Optional<RefusedRelease> refused(String version) {
    return refused.stream().filter(r -> r.version().equals(version)).findFirst();
  }

  /** Every refused PredictionIO release. */
  public List<RefusedRelease> refusedReleases() {
    return refused;
  }

  /** The default version of an artifact name ({@code jdk}, {@code jre}, {@code postgresql-jdbc}, {@code hadoop}). */
  public Optional<String> defaultVersion(String name) {
    return Optional.ofNullable(defaults.get(name));
  }

  /** Every artifact, in file order. */
  public List<Artifact> artifacts() {
    return artifacts;
  }

  /**
   * The artifact with this name and version for a platform; entries for {@code any} os/arch match every platform.
   * Spark versions are keyed {@code <spark>-hadoop<hadoop>}, e.g. {@code 2.4.8-hadoop2.7}.
   */
  public Optional<Artifact> find(String name, String version, String os, String arch) {
    return artifacts.stream()
        .filter(a -> a.name().equals(name) && a.version().equals(version))
        .filter(a -> a.os().equals("any") || a.os().equals(os))
        .filter(a -> a.arch().equals("any") || a.arch().equals(arch))
        .findFirst();
  }

  /** The versions of one artifact name available for a platform, sorted. */
  public List<String> versions(String name, String os, String arch) {
    return artifacts.stream()
        .filter(a -> a.name().equals(name))
        .filter(a -> a.os().equals("any") || a.os().equals(os))
        .filter(a -> a.arch().equals("any") || a.arch().equals(arch))
        .map(Artifact::version)
        .distinct()
        .sorted(Comparator.naturalOrder())
        .toList();
  }
}
