package io.piobuildpack.templates.model;

import java.util.List;

/** Model of a CNB {@code launch.toml} (rendered at build): the process types of the image. */
public record LaunchToml(List<LaunchProcess> processes) {

  public LaunchToml {
    processes = List.copyOf(processes);
  }
}
