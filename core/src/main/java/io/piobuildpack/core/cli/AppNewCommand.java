package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.CreatedApp;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.NewApp;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data app new}: creates the app, its event table and its access key in one transaction, and prints
 * PredictionIO's lines (including {@code ID: <n>} and {@code Access Key: <key>}, which scripts parse).
 */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = "Create an app with its event store and one access key (all or nothing).")
final class AppNewCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Option(names = "--id", paramLabel = "N", description = "Use this app id (re-attaches existing event data).")
  private int id;

  @Option(names = "--description", paramLabel = "TEXT", description = "Description of the app.")
  private String description;

  @Option(names = "--access-key", paramLabel = "KEY", description = "Use this access key instead of a generated one.")
  private String accessKey;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the app.")
  private String name;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    if (id < 0) {
      throw new CliException(ExitCode.USAGE, "--id must be a positive app id (or 0 for a new one), not " + id);
    }
    if (name.isBlank()) {
      throw new CliException(ExitCode.INVALID_DATA, "the app name must not be blank");
    }
    NewApp request = NewApp.named(name).withDescription(description).withAccessKey(accessKey);
    if (id != 0) {
      request = request.withId(id);
    }
    try (EventStore events = StoreConnector.open(spec, store)) {
      if (events.apps().findByName(name).isPresent()) {
        console.error(Logger.APP, "App " + name + " already exists. Aborting.");
        return ExitCode.CONFLICT.code();
      }
      if (id != 0) {
        Optional<App> taken = events.apps().findById(id);
        if (taken.isPresent()) {
          console.error(Logger.APP,
              "App ID " + id + " already exists and maps to the app '" + taken.get().name() + "'. Aborting.");
          return ExitCode.CONFLICT.code();
        }
      }
      CreatedApp created = events.apps().create(request);
      int appId = created.app().id();
      console.info(Logger.APP, "Initialized Event Store for this app ID: " + appId + ".");
      console.info(Logger.PIO, "Created a new app:");
      console.info(Logger.PIO, "      Name: " + created.app().name());
      console.info(Logger.PIO, "        ID: " + appId);
      console.info(Logger.PIO, "Access Key: " + created.accessKey().key());
      return ExitCode.SUCCESS.code();
    }
  }
}
