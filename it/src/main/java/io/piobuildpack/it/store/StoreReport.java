package io.piobuildpack.it.store;

import java.util.List;

/**
 * What a deployment's event store holds after it ran: where it is (never with a password) and, per app, its events.
 *
 * @param store the store as {@code EventStore.describe()} shows it, or why there is none
 * @param apps every app with its event count (default channel and every channel), ordered by id
 */
public record StoreReport(String store, List<AppEvents> apps) {

  public StoreReport {
    apps = List.copyOf(apps);
  }

  /**
   * One app of the store.
   *
   * @param id PredictionIO's app id
   * @param name the app's name
   * @param events its events in every channel
   */
  public record AppEvents(int id, String name, long events) {}

  /** A report saying why no store could be read (no database configured, the database did not answer). */
  public static StoreReport unavailable(String reason) {
    return new StoreReport(reason, List.of());
  }
}
