package io.piobuildpack.hooks.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A program to run, described as data: the argv (never a shell string), the working directory, its whole
 * environment (nothing is inherited implicitly), and how long it may run.
 */
public record ProcessSpec(String name, List<String> argv, Path directory, Map<String, String> environment,
    Duration timeout) {

  public ProcessSpec {
    Objects.requireNonNull(name, "name");
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must not be empty");
    }
    Objects.requireNonNull(directory, "directory");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
  }
}
