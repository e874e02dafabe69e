package io.piobuildpack.templates.model;

import java.util.List;
import java.util.Objects;

/**
 * One {@code [[processes]]} entry of a CNB {@code launch.toml} (Buildpack API 0.9+:
 * <a href="https://github.com/buildpacks/spec/blob/main/buildpack.md#launchtoml-toml">launch.toml</a>).
 *
 * @param type the process type, e.g. {@code web}
 * @param command the executable and its fixed arguments
 * @param args default arguments a user may override
 * @param defaultProcess whether this is the image's default process
 */
public record LaunchProcess(String type, List<String> command, List<String> args, boolean defaultProcess) {

  public LaunchProcess {
    Objects.requireNonNull(type, "type");
    command = List.copyOf(command);
    args = List.copyOf(args);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a process needs a command");
    }
  }
}
