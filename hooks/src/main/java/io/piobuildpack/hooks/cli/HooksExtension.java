package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.PioDataExtension;
import picocli.CommandLine;

/** Adds the release-phase commands to {@code pio-data}: load-data, release, train, web, checkpoint. */
public final class HooksExtension implements PioDataExtension {

  @Override
  public void register(CommandLine root) {
    root.addSubcommand(new LoadDataCommand());
    root.addSubcommand(new ReleaseCommand());
    root.addSubcommand(new TrainCommand());
    root.addSubcommand(new WebCommand());
    root.addSubcommand(new CheckpointCommand());
  }
}
