package io.piobuildpack.core.server.stats;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventTimes;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of one time window ({@code Stats} in PredictionIO): stored events per app and (entityType,
 * targetEntityType, event), and responses per app and status code. Not thread-safe; {@link EventStats} locks.
 */
final class StatsWindow {

  private final ZonedDateTime startTime;
  private ZonedDateTime endTime;
  private final Map<Integer, Map<EventKind, Long>> events = new HashMap<>();
  private final Map<Integer, Map<Integer, Long>> statuses = new HashMap<>();

  StatsWindow(ZonedDateTime startTime) {
    this.startTime = startTime;
  }

  ZonedDateTime startTime() {
    return startTime;
  }

  void cutoff(ZonedDateTime end) {
    this.endTime = end;
  }

  void update(int appId, int status, Event event) {
    statuses.computeIfAbsent(appId, id -> new LinkedHashMap<>()).merge(status, 1L, Long::sum);
    events.computeIfAbsent(appId, id -> new LinkedHashMap<>()).merge(EventKind.of(event), 1L, Long::sum);
  }

  /** The window for one app, in PredictionIO's {@code StatsSnapshot} layout. */
  Map<String, Object> snapshot(int appId) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("startTime", EventTimes.format(startTime));
    if (endTime != null) {
      json.put("endTime", EventTimes.format(endTime));
    }
    List<Object> basic = new ArrayList<>();
    events.getOrDefault(appId, Map.of()).forEach((kind, count) -> basic.add(keyValue(kind.toJson(), count)));
    json.put("basic", basic);
    List<Object> codes = new ArrayList<>();
    statuses.getOrDefault(appId, Map.of()).forEach((status, count) -> codes.add(keyValue(status, count)));
    json.put("statusCode", codes);
    return json;
  }

  private static Map<String, Object> keyValue(Object key, long value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", key);
    json.put("value", value);
    return json;
  }

  /** PredictionIO's {@code EntityTypesEvent}. */
  private record EventKind(String entityType, String targetEntityType, String event) {

    static EventKind of(Event event) {
      return new EventKind(event.entityType(), event.targetEntityType(), event.event());
    }

    Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("entityType", entityType);
      if (targetEntityType != null) {
        json.put("targetEntityType", targetEntityType);
      }
      json.put("event", event);
      return json;
    }
  }
}
