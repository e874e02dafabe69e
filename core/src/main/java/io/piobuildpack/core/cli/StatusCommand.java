package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.StorageUnavailableException;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.core.text.Counts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data status}: which event store is configured, whether it answers, and what it holds, worded so a
 * person can act on it. Never prints a password (PredictionIO's {@code pio status} dumps them on failure).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Check the configured event store: which one, reachable, schema present.")
final class StatusCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    StorageSettings settings = StoreConnector.settings(spec, store);
    console.info(Logger.MANAGEMENT, "Inspecting storage backend connections...");
    console.info(Logger.STORAGE, "Verifying Event Data Backend (Source: "
        + (settings.isEmbedded() ? "embedded SQLite" : "JDBC") + ")...");
    console.info(Logger.MANAGEMENT, "Event store: " + settings.describe());
    StoreConnector.requireExistingFile(settings);
    try (EventStore events = JdbcEventStore.open(settings)) {
      long started = System.nanoTime();
      events.ping();
      long millis = (System.nanoTime() - started) / 1_000_000;
      console.info(Logger.MANAGEMENT, "Connection: OK (" + millis + " ms)");
      int apps = events.apps().list().size();
      console.info(Logger.MANAGEMENT, "Schema: ready, " + Counts.of(apps, "app") + " in " + settings.metadataPrefix() + "_apps");
      console.info(Logger.MANAGEMENT, "Your system is all ready to go.");
      return ExitCode.SUCCESS.code();
    } catch (StorageUnavailableException e) {
      console.error(Logger.MANAGEMENT, "Unable to connect to the event store: " + e.getMessage());
      console.error(Logger.MANAGEMENT, "Check that the database is running and that " + settings.origin()
          + " points to it (user, password, host, port, database name).");
      return ExitCode.STORAGE_UNAVAILABLE.code();
    }
  }
}
