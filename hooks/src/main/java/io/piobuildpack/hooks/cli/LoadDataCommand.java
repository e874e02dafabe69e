package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.StoreOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pio-data load-data}: the data hooks (initial load or sync) of the app in the given directory. */
@Command(name = "load-data", mixinStandardHelpOptions = true,
    description = {"Load events with the app's data hooks: data/initial-events.json and data/create-initial-events"
        + " on the first release, data/create-sync-events on later ones.",
        "Exit 3 means a precondition is missing (variable or database): nothing changed, retry later."})
final class LoadDataCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Option(names = "--app-dir", paramLabel = "DIR", defaultValue = ".",
      description = "The engine app's directory (default: the working directory).")
  private Path appDir;

  @Override
  public Integer call() {
    return LoadData.run(spec, store, AppDirs.resolve(spec, appDir));
  }
}
