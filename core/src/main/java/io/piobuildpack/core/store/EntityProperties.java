package io.piobuildpack.core.store;

import io.piobuildpack.core.event.Event;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Current entity properties read from an event repository ({@code LEventStore.aggregateProperties}): the
 * {@code $set/$unset/$delete} events of an entity type are streamed in event-time order and folded by
 * {@link PropertyAggregator}.
 */
public final class EntityProperties {

  private static final List<String> SPECIAL_EVENTS = List.of("$set", "$unset", "$delete");

  private final EventRepository events;

  public EntityProperties(EventRepository events) {
    this.events = events;
  }

  /** The properties of one entity, or empty when it has none (never set, or deleted). */
  public Optional<PropertyMap> of(EventScope scope, String entityType, String entityId, TimeRange window) {
    PropertyAggregator aggregator = new PropertyAggregator();
    fold(scope, query(entityType, window).withEntity(entityType, entityId), aggregator);
    return aggregator.result(entityId);
  }

  /**
   * The properties of every entity of a type that has any.
   *
   * @param required keys each returned entity must have; empty for no condition
   */
  public Map<String, PropertyMap> ofType(EventScope scope, String entityType, TimeRange window,
      Set<String> required) {
    PropertyAggregator aggregator = new PropertyAggregator();
    fold(scope, query(entityType, window), aggregator);
    return aggregator.results(required);
  }

  private static EventQuery query(String entityType, TimeRange window) {
    return EventQuery.ALL.withTime(window).withEntityType(entityType).withEventNames(SPECIAL_EVENTS);
  }

  private void fold(EventScope scope, EventQuery query, PropertyAggregator aggregator) {
    try (Stream<Event> stream = events.find(scope, query)) {
      stream.forEach(aggregator::add);
    }
  }
}
