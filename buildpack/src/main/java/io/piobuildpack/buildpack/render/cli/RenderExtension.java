package io.piobuildpack.buildpack.render.cli;

import io.piobuildpack.core.cli.PioDataExtension;
import java.util.List;

/**
 * Adds {@code runtime-config} to {@code pio-data} from the {@code buildpack} module (found by
 * {@link java.util.ServiceLoader}); it is in the slug's jar, {@code buildpack/target/pio-data.jar}.
 */
public final class RenderExtension implements PioDataExtension {

  @Override
  public List<Object> commands() {
    return List.of(new RuntimeConfigCommand());
  }
}
