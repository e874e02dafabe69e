package io.piobuildpack.core.store;

import java.util.List;
import java.util.Objects;

/**
 * The filters of PredictionIO's {@code LEvents.find}: a time window, entity type and id, event names (any of),
 * tri-state target filters, a limit (negative = none) and the order ({@code reversed} = newest first). Start
 * from {@link #ALL} and narrow with the {@code withX} copies.
 */
public record EventQuery(
    TimeRange time,
    String entityType,
    String entityId,
    List<String> eventNames,
    TargetFilter targetEntityType,
    TargetFilter targetEntityId,
    int limit,
    boolean reversed) {

  /** Every event, oldest first, no limit. */
  public static final EventQuery ALL =
      new EventQuery(TimeRange.ALL, null, null, List.of(), TargetFilter.ANY, TargetFilter.ANY, -1, false);

  public EventQuery {
    Objects.requireNonNull(time, "time");
    eventNames = eventNames == null ? List.of() : List.copyOf(eventNames);
    Objects.requireNonNull(targetEntityType, "targetEntityType");
    Objects.requireNonNull(targetEntityId, "targetEntityId");
  }

  public EventQuery withTime(TimeRange range) {
    return new EventQuery(range, entityType, entityId, eventNames, targetEntityType, targetEntityId, limit,
        reversed);
  }

  public EventQuery withEntity(String type, String id) {
    return new EventQuery(time, type, id, eventNames, targetEntityType, targetEntityId, limit, reversed);
  }

  public EventQuery withEntityType(String type) {
    return new EventQuery(time, type, entityId, eventNames, targetEntityType, targetEntityId, limit, reversed);
  }

  public EventQuery withEventNames(List<String> names) {
    return new EventQuery(time, entityType, entityId, names, targetEntityType, targetEntityId, limit, reversed);
  }

  public EventQuery withTargetEntityType(TargetFilter filter) {
    return new EventQuery(time, entityType, entityId, eventNames, filter, targetEntityId, limit, reversed);
  }

  public EventQuery withTargetEntityId(TargetFilter filter) {
    return new EventQuery(time, entityType, entityId, eventNames, targetEntityType, filter, limit, reversed);
  }

  /** At most this many events; a negative limit means no limit. */
  public EventQuery withLimit(int max) {
    return new EventQuery(time, entityType, entityId, eventNames, targetEntityType, targetEntityId, max, reversed);
  }

  public EventQuery withReversed(boolean newestFirst) {
    return new EventQuery(time, entityType, entityId, eventNames, targetEntityType, targetEntityId, limit,
        newestFirst);
  }

  public boolean hasLimit() {
    return limit >= 0;
  }
}
