package io.piobuildpack.hooks.data;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.PropertyMap;
import io.piobuildpack.core.store.TimeRange;
import java.util.Optional;

/**
 * Checkpoint entities in the event store ({@code entityType=checkpoint}, {@code entityId=<name>}), written as
 * {@code $set} events and read back aggregated, without an event server. Purges on sync keep them.
 */
public final class Checkpoints {

  public static final String ENTITY_TYPE = "checkpoint";
  /**
   * The checkpoint of the initial load: {@value #STARTED_AT} when the hooks created the app, {@value #COMPLETED_AT}
   * when its initial data committed. An app without it was created elsewhere (its initial load counts as done).
   */
  public static final String INITIAL_LOAD = "pio-buildpack-initial-load";
  /** Property of {@link #INITIAL_LOAD} set when the hooks create the app. */
  public static final String STARTED_AT = "startedAt";
  /** Property of {@link #INITIAL_LOAD} set in the transaction that loads the initial data. */
  public static final String COMPLETED_AT = "completedAt";
  /** The checkpoint handed to the sync hook, as the original buildpack's data-flow documentation suggests. */
  public static final String SYNC = "sync";

  private final EventStore store;

  public Checkpoints(EventStore store) {
    this.store = store;
  }

  /** The checkpoint's current properties, if it was ever set (and not deleted). */
  public Optional<PropertyMap> read(EventScope scope, String name) {
    return store.entityProperties().of(scope, ENTITY_TYPE, name, TimeRange.ALL);
  }

  /** True when an {@link #INITIAL_LOAD} checkpoint records a completed load. */
  public static boolean isCompleted(PropertyMap initialLoad) {
    return initialLoad.fields().contains(COMPLETED_AT);
  }

  /** Sets properties of the checkpoint (a {@code $set} event now). */
  public String write(EventScope scope, String name, EventProperties properties) {
    return store.events().insert(scope, setEvent(name, properties));
  }

  /** The {@code $set} event that writes a checkpoint, for callers that insert it as part of a larger write. */
  public static Event setEvent(String name, EventProperties properties) {
    return Event.builder("$set", ENTITY_TYPE, name).properties(properties).build();
  }
}
