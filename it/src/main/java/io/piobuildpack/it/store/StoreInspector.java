package io.piobuildpack.it.store;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.StorageOptions;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.config.StorageSettingsResolver;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.StorageException;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.it.store.StoreReport.AppEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a deployment's event store the way the deployed app finds it: from its config vars ({@code DATABASE_URL},
 * or {@code PIO_STORAGE_SOURCES_PGSQL_*}), resolved by the same rules as {@code pio-data}. A deployment without
 * such a variable has no durable store to report.
 */
public final class StoreInspector {

  private StoreInspector() {}

  /** The store named by these config vars, with every app and its event count; never throws for a bad store. */
  public static StoreReport inspect(Map<String, String> configVars, Path appDir) {
    StorageSettings settings;
    try {
      settings = new StorageSettingsResolver(Environment.of(configVars), appDir).resolve(StorageOptions.NONE);
    } catch (RuntimeException e) {
      return StoreReport.unavailable("store settings not usable: " + e.getMessage());
    }
    if (settings.isEmbedded()) {
      return StoreReport.unavailable("no database configured (no DATABASE_URL config var)");
    }
    try (EventStore store = JdbcEventStore.open(settings)) {
      List<AppEvents> apps = new ArrayList<>();
      for (App app : store.apps().list()) {
        long events = store.events().count(EventScope.of(app.id()));
        for (Channel channel : store.channels().listByApp(app.id())) {
          events += store.events().count(EventScope.of(app.id(), channel.id()));
        }
        apps.add(new AppEvents(app.id(), app.name(), events));
      }
      return new StoreReport(store.describe(), apps);
    } catch (StorageException e) {
      return StoreReport.unavailable("the store did not answer: " + e.getMessage());
    }
  }
}
