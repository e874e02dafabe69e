package io.piobuildpack.it.scenarios;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.TimeRange;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The events a deployment left in PostgreSQL, read through core's JDBC store (PredictionIO's tables). */
final class StoredEvents {

  private StoredEvents() {}

  /** The app of that name, if the deployment created it. */
  static Optional<App> app(TestDatabase database, String appName) {
    try (EventStore store = open(database)) {
      return store.apps().findByName(appName);
    }
  }

  /** Every event of the app's default channel, oldest first; empty when there is no such app. */
  static List<Event> of(TestDatabase database, String appName) {
    try (EventStore store = open(database)) {
      Optional<App> app = store.apps().findByName(appName);
      if (app.isEmpty()) {
        return List.of();
      }
      return store.events().find(EventScope.of(app.get().id()), EventQuery.ALL).toList();
    }
  }

  /** The app's events without the data hooks' checkpoints ({@code entityType} {@code checkpoint}). */
  static List<Event> data(TestDatabase database, String appName) {
    return of(database, appName).stream().filter(e -> !e.entityType().equals("checkpoint")).toList();
  }

  /**
   * The current properties of a data-hooks checkpoint ({@code entityType} {@code checkpoint}, {@code entityId}
   * {@code name}: the {@code $set} events aggregated), if the app has it.
   */
  static Optional<Map<String, Object>> checkpoint(TestDatabase database, String appName, String name) {
    try (EventStore store = open(database)) {
      return store.apps().findByName(appName).flatMap(app -> store.entityProperties()
          .of(EventScope.of(app.id()), "checkpoint", name, TimeRange.ALL)).map(p -> p.fields().asMap());
    }
  }

  /** The number of apps in the store. */
  static int appCount(TestDatabase database) {
    try (EventStore store = open(database)) {
      return store.apps().list().size();
    }
  }

  private static EventStore open(TestDatabase database) {
    return JdbcEventStore.open(StorageSettings.of(database.jdbcUrl(), null, null));
  }
}
