package io.piobuildpack.core.store;

import java.util.Objects;
import java.util.Optional;

/** A PredictionIO app: a row of {@code <prefix>_apps}. The description may be {@code null}. */
public record App(int id, String name, String description) {

  public App {
    Objects.requireNonNull(name, "name");
  }

  public Optional<String> descriptionOpt() {
    return Optional.ofNullable(description);
  }
}
