package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.CliContext;
import io.piobuildpack.core.cli.ExitCode;
import io.piobuildpack.core.cli.StoreOptions;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.hooks.launch.ReleaseSettings;
import io.piobuildpack.hooks.launch.TrainSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data release}: the release phase (the original's {@code heroku-buildpack-pio-release}) — load data,
 * then train. {@code PIO_TRAIN_ON_RELEASE=false} skips both, unless {@code PIO_LOAD_DATA_ON_RELEASE=true} asks
 * for the data load alone; event-server apps ({@code PIO_RUN_AS_EVENTSERVER=true}) load data but never train
 * ({@link ReleaseSettings}). The release and train settings are read and checked before any data is loaded.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
    description = {"Release phase: load data with the data hooks, then train.",
        "PIO_TRAIN_ON_RELEASE=false skips both; add PIO_LOAD_DATA_ON_RELEASE=true to load data without training."})
final class ReleaseCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Option(names = "--app-dir", paramLabel = "DIR", defaultValue = ".",
      description = "The engine app's directory (default: the working directory).")
  private Path appDir;

  @Override
  public Integer call() {
    Environment env = CliContext.of(spec).env();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReleaseSettings release = PioRun.settings(() -> ReleaseSettings.from(env));
    if (!release.loadData()) {
      out.println("Skipping train on release.");
      return ExitCode.SUCCESS.code();
    }
    Path dir = AppDirs.resolve(spec, appDir);
    // As at build time, an app without engine.json is an event-server app even without PIO_RUN_AS_EVENTSERVER:
    // the build installed no PredictionIO, so there is nothing to train.
    boolean engine = Files.isRegularFile(dir.resolve("engine.json"));
    boolean train = release.train() && engine;
    TrainSettings trainSettings = train ? PioRun.trainSettings(spec) : null;
    int loaded = LoadData.run(spec, store, dir);
    if (loaded == ExitCode.RETRY_LATER.code()) {
      err.println("Transient error loading data. Skipping train on release.");
      return ExitCode.SUCCESS.code();
    }
    if (loaded != ExitCode.SUCCESS.code()) {
      err.println("Error loading data.");
      return loaded;
    }
    if (!train) {
      out.println(release.eventServerApp()
          ? "Event server app (PIO_RUN_AS_EVENTSERVER=true): data loaded, nothing to train."
          : !release.train() ? "Skipping train on release (PIO_TRAIN_ON_RELEASE=false); data loaded."
          : "Event server app (no engine.json): data loaded, nothing to train.");
      return ExitCode.SUCCESS.code();
    }
    out.println("Running train on release…");
    out.flush();
    return PioRun.train(spec, trainSettings);
  }
}
