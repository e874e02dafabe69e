package io.piobuildpack.core.cli;

import io.piobuildpack.core.config.DurableStorageRule;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.config.StorageSettingsResolver;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.StorageUnavailableException;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Resolves the storage settings of a command (options, PredictionIO variables, DATABASE_URL, embedded), applies
 * the storage rules every command shares, and opens the store. The rules, in this one place:
 *
 * <ul>
 *   <li>where data must be durable ({@link DurableStorageRule}: {@code DYNO} set or {@code PIO_REQUIRE_DATABASE=true})
 *       a SQLite store is refused, exit 5, naming {@code DATABASE_URL};
 *   <li>a command that only reads ({@link #openExisting}) never creates a SQLite file: when it does not exist the
 *       command says which file it looked for and stops with exit 5.
 * </ul>
 */
public final class StoreConnector {

  private StoreConnector() {}

  /**
   * The settings with the durable-storage rule applied.
   *
   * @throws io.piobuildpack.core.config.StorageNotConfiguredException where a database is required and none is set
   */
  public static StorageSettings settings(CommandSpec spec, StoreOptions options) {
    StorageSettings settings = resolvedSettings(spec, options);
    DurableStorageRule.check(CliContext.of(spec).env(), settings);
    return settings;
  }

  /**
   * The settings as resolved, without the durable-storage rule: only for {@code load-data}, which reports a missing
   * database as "retry later" (exit 3) in the release phase, as the original buildpack did.
   */
  public static StorageSettings resolvedSettings(CommandSpec spec, StoreOptions options) {
    CliContext context = CliContext.of(spec);
    return new StorageSettingsResolver(context.env(), context.workingDirectory())
        .resolve(options.toStorageOptions());
  }

  /** Opens the store for a command that writes; a SQLite file is created when missing (outside a dyno). */
  public static EventStore open(CommandSpec spec, StoreOptions options) {
    return connect(settings(spec, options));
  }

  /**
   * Opens the store for a command that only reads.
   *
   * @throws CliException exit 5 naming the file, when the SQLite store's file does not exist (nothing is created)
   */
  public static EventStore openExisting(CommandSpec spec, StoreOptions options) {
    StorageSettings settings = settings(spec, options);
    requireExistingFile(settings);
    return connect(settings);
  }

  /**
   * Opens the store; when it cannot be reached the message names the one setting the URL came from.
   *
   * @throws CliException exit 5 when the database cannot be reached
   */
  private static EventStore connect(StorageSettings settings) {
    try {
      return JdbcEventStore.open(settings);
    } catch (StorageUnavailableException e) {
      String check = settings.isEmbedded()
          ? "Check that the SQLite file (from " + settings.origin() + ") can be read and written."
          : "Check that the database is running and that " + settings.origin() + " points to it (user, password,"
              + " host, port, database name).";
      throw new CliException(ExitCode.STORAGE_UNAVAILABLE, "the event store cannot be reached: " + e.getMessage()
          + "\n" + check, e);
    }
  }

  /**
   * Refuses a SQLite store whose file does not exist.
   *
   * @throws CliException exit 5 naming the file and where the setting came from
   */
  static void requireExistingFile(StorageSettings settings) {
    Optional<Path> file = settings.sqliteFile();
    if (file.isPresent() && !Files.exists(file.get())) {
      throw new CliException(ExitCode.STORAGE_UNAVAILABLE, "no event store: the SQLite file " + file.get()
          + " (from " + settings.origin() + ") does not exist, and this command only reads, so it was not created."
          + (settings.origin().equals(StorageSettingsResolver.EMBEDDED_ORIGIN)
              ? " None of --database-url, PIO_STORAGE_SOURCES_PGSQL_URL and DATABASE_URL is set: run the command in"
                  + " the directory that holds .pio_store, or point DATABASE_URL at your database."
              : ""));
    }
  }
}
