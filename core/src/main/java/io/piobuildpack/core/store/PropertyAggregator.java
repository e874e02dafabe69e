package io.piobuildpack.core.store;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventProperties;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PredictionIO's sequential aggregation ({@code LEventAggregator},
 * https://github.com/apache/predictionio/blob/v0.14.0/data/src/main/scala/org/apache/predictionio/data/storage/LEventAggregator.scala):
 * events fed in event-time order are
 * folded per entity; {@code $set} merges, {@code $unset} removes keys, {@code $delete} makes the entity absent;
 * every one of the three moves the first/last-updated times. Other events are ignored. Memory holds one state
 * per entity, not the events.
 */
public final class PropertyAggregator {

  private final Map<String, State> states = new LinkedHashMap<>();

  /**
   * Folds one event into its entity's state. Events must arrive in ascending event-time order (ties keep arrival
   * order, as PredictionIO's stable sort does).
   */
  public void add(Event event) {
    String name = event.event();
    if (!name.equals("$set") && !name.equals("$unset") && !name.equals("$delete")) {
      return;
    }
    states.computeIfAbsent(event.entityId(), id -> new State()).apply(event);
  }

  /** The entity's properties, or empty when it never had a {@code $set} or was deleted since. */
  public Optional<PropertyMap> result(String entityId) {
    State state = states.get(entityId);
    return state == null ? Optional.empty() : state.toPropertyMap();
  }

  /**
   * Every present entity's properties, in order of first appearance.
   *
   * @param required keys every returned entity must have (a key with JSON null counts); empty = no condition
   */
  public Map<String, PropertyMap> results(Set<String> required) {
    Map<String, PropertyMap> out = new LinkedHashMap<>();
    states.forEach((id, state) -> state.toPropertyMap()
        .filter(map -> map.fields().keys().containsAll(required))
        .ifPresent(map -> out.put(id, map)));
    return Collections.unmodifiableMap(out);
  }

  /** The fold state of one entity; {@code props == null} is PredictionIO's ABSENT. */
  private static final class State {
    private EventProperties props;
    private ZonedDateTime first;
    private ZonedDateTime last;

    void apply(Event event) {
      switch (event.event()) {
        case "$set" -> props = props == null ? event.properties() : props.mergedWith(event.properties());
        case "$unset" -> props = props == null ? null : props.without(event.properties().keys());
        default -> props = null;
      }
      ZonedDateTime time = event.eventTime();
      if (first == null || time.toInstant().isBefore(first.toInstant())) {
        first = time;
      }
      if (last == null || time.toInstant().isAfter(last.toInstant())) {
        last = time;
      }
    }

    Optional<PropertyMap> toPropertyMap() {
      return props == null ? Optional.empty() : Optional.of(new PropertyMap(props, first, last));
    }
  }
}
