package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.PioDataExtension;
import java.util.List;

/** Adds the release-phase commands to {@code pio-data}: load-data, release, train, web, checkpoint. */
public final class HooksExtension implements PioDataExtension {

  @Override
  public List<Object> commands() {
    return List.of(new LoadDataCommand(), new ReleaseCommand(), new TrainCommand(), new WebCommand(),
        new CheckpointCommand());
  }
}
