package io.piobuildpack.buildpack.cnb;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A buildpack's build-plan contribution written by {@code bin/detect} to {@code CNB_BUILD_PLAN_PATH}: the
 * top-level alternative ({@code [[provides]]}, {@code [[requires]]}) and further alternatives in {@code [[or]]}
 * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#build-plan-toml). The lifecycle tries the
 * alternatives in order and keeps the first whose requirements are met by the group.
 *
 * @param alternatives the top-level alternative first, then the {@code [[or]]} ones; at least one
 */
public record BuildPlan(List<Alternative> alternatives) {

  /**
   * One requirement, with {@code [requires.metadata]}.
   *
   * @param name e.g. {@code jdk}
   * @param metadata free-form; versions go in {@code version} (top-level {@code requires.version} is gone since
   *     API 0.3)
   */
  public record Requirement(String name, Map<String, Object> metadata) {
    /** Copies the map, keeping its order. */
    public Requirement {
      metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
  }

  /**
   * One alternative.
   *
   * @param provides names this buildpack provides
   * @param requires what it requires
   */
  public record Alternative(List<String> provides, List<Requirement> requires) {
    /** Copies the lists. */
    public Alternative {
      provides = List.copyOf(provides);
      requires = List.copyOf(requires);
    }
  }

  /** Copies the list; refuses an empty one. */
  public BuildPlan {
    if (alternatives.isEmpty()) {
      throw new IllegalArgumentException("a build plan has at least one alternative");
    }
    alternatives = List.copyOf(alternatives);
  }

  /** The plan as {@code plan.toml} text. */
  public String toToml() {
    Map<String, Object> root = table(alternatives.get(0));
    if (alternatives.size() > 1) {
      List<Object> or = new ArrayList<>();
      for (Alternative alternative : alternatives.subList(1, alternatives.size())) {
        or.add(table(alternative));
      }
      root.put("or", or);
    }
    try {
      return new TomlMapper().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> table(Alternative alternative) {
    Map<String, Object> table = new LinkedHashMap<>();
    List<Object> provides = new ArrayList<>();
    alternative.provides().forEach(name -> provides.add(Map.of("name", name)));
    List<Object> requires = new ArrayList<>();
    for (Requirement requirement : alternative.requires()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", requirement.name());
      if (!requirement.metadata().isEmpty()) {
        entry.put("metadata", requirement.metadata());
      }
      requires.add(entry);
    }
    if (!provides.isEmpty()) {
      table.put("provides", provides);
    }
    if (!requires.isEmpty()) {
      table.put("requires", requires);
    }
    return table;
  }
}
