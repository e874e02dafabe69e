package io.piobuildpack.buildpack.cnb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The detector's trial rules for one passing group, as the Buildpack API 0.10 spec states them
 * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#phase-1-detection): the alternatives of
 * each buildpack (top level, then each {@code [[or]]}) are combined in order, first buildpack outermost; a trial
 * passes when every requirement is provided by the same or an earlier buildpack and every provision is required
 * by the same or a later one. The first passing trial wins; each requirement's entry goes to the buildpacks that
 * provided the name up to that point.
 */
final class PlanResolver {

  /** One buildpack's alternatives: names provided and required. */
  record Alternative(List<String> provides, List<String> requires) {}

  /** A buildpack of the group with its plan. */
  record Buildpack(String id, List<Alternative> alternatives) {}

  /** The chosen alternative per buildpack and the Buildpack Plan entry names each one receives. */
  record Resolution(Map<String, Integer> chosen, Map<String, Set<String>> entries) {}

  private PlanResolver() {}

  /** Parses a plan.toml written by detect. */
  static List<Alternative> parse(String toml) throws IOException {
    JsonNode root = new TomlMapper().readTree(toml);
    List<Alternative> alternatives = new ArrayList<>();
    alternatives.add(alternative(root));
    for (JsonNode or : root.path("or")) {
      alternatives.add(alternative(or));
    }
    return alternatives;
  }

  private static Alternative alternative(JsonNode table) {
    List<String> provides = new ArrayList<>();
    table.path("provides").forEach(p -> provides.add(p.path("name").asText()));
    List<String> requires = new ArrayList<>();
    table.path("requires").forEach(r -> requires.add(r.path("name").asText()));
    return new Alternative(provides, requires);
  }

  /** The first passing trial, or empty when none passes (the group fails). */
  static Optional<Resolution> resolve(List<Buildpack> group) {
    return trial(group, 0, new ArrayList<>());
  }

  private static Optional<Resolution> trial(List<Buildpack> group, int index, List<Integer> picked) {
    if (index == group.size()) {
      return check(group, picked);
    }
    for (int i = 0; i < group.get(index).alternatives().size(); i++) {
      picked.add(i);
      Optional<Resolution> result = trial(group, index + 1, picked);
      picked.remove(picked.size() - 1);
      if (result.isPresent()) {
        return result;
      }
    }
    return Optional.empty();
  }

  private static Optional<Resolution> check(List<Buildpack> group, List<Integer> picked) {
    Map<String, List<String>> providers = new HashMap<>();
    Map<String, Set<String>> entries = new LinkedHashMap<>();
    group.forEach(bp -> entries.put(bp.id(), new TreeSet<>()));
    Set<String> required = new TreeSet<>();
    for (int b = 0; b < group.size(); b++) {
      Buildpack bp = group.get(b);
      Alternative alternative = bp.alternatives().get(picked.get(b));
      for (String name : alternative.provides()) {
        providers.computeIfAbsent(name, n -> new ArrayList<>()).add(bp.id());
      }
      for (String name : alternative.requires()) {
        List<String> from = providers.get(name);
        if (from == null || from.isEmpty()) {
          return Optional.empty();
        }
        from.forEach(id -> entries.get(id).add(name));
        required.add(name);
      }
    }
    // every provision must be required by the same or a later buildpack
    for (int b = 0; b < group.size(); b++) {
      Alternative alternative = group.get(b).alternatives().get(picked.get(b));
      for (String name : alternative.provides()) {
        boolean requiredLater = false;
        for (int later = b; later < group.size(); later++) {
          if (group.get(later).alternatives().get(picked.get(later)).requires().contains(name)) {
            requiredLater = true;
          }
        }
        if (!requiredLater) {
          return Optional.empty();
        }
      }
    }
    Map<String, Integer> chosen = new LinkedHashMap<>();
    for (int b = 0; b < group.size(); b++) {
      chosen.put(group.get(b).id(), picked.get(b));
    }
    return Optional.of(new Resolution(chosen, entries));
  }
}
