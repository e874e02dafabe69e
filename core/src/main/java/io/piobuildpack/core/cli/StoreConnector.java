package io.piobuildpack.core.cli;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.config.StorageSettingsResolver;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import picocli.CommandLine.Model.CommandSpec;

/** Resolves the storage settings of a command (options, PredictionIO variables, DATABASE_URL, embedded) and opens the store. */
public final class StoreConnector {

  private StoreConnector() {}

  public static StorageSettings settings(CommandSpec spec, StoreOptions options) {
    CliContext context = CliContext.of(spec);
    return new StorageSettingsResolver(context.env(), context.workingDirectory())
        .resolve(options.toStorageOptions());
  }

  public static EventStore open(CommandSpec spec, StoreOptions options) {
    return JdbcEventStore.open(settings(spec, options));
  }
}
