package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.EventTimeFormatException;
import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.server.http.ApiException;
import io.piobuildpack.core.server.http.ApiRequest;
import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.TargetFilter;
import io.piobuildpack.core.store.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The query parameters of {@code GET /events.json} (docs/event-server.md) as an {@link EventQuery}: {@code startTime},
 * {@code untilTime}, {@code entityType}, {@code entityId}, {@code event}, {@code targetEntityType},
 * {@code targetEntityId}, {@code limit} (default 20, negative for all) and {@code reversed}. Every malformed value
 * is a 400 with PredictionIO 0.10's text.
 */
final class EventQueryParameters {

  static final int DEFAULT_LIMIT = 20;
  static final String REVERSED_WITHOUT_ENTITY = "requirement failed: the parameter reversed can only be used with"
      + " both entityType and entityId specified.";

  private EventQueryParameters() {}

  /** @throws ApiException 400 for a malformed parameter or {@code reversed} without an entity */
  static EventQuery parse(ApiRequest request) {
    Optional<String> entityType = request.query("entityType");
    Optional<String> entityId = request.query("entityId");
    boolean reversed = request.query("reversed").map(v -> bool("reversed", v)).orElse(false);
    if (reversed && (entityType.isEmpty() || entityId.isEmpty())) {
      throw new ApiException(400, REVERSED_WITHOUT_ENTITY);
    }
    Instant start = request.query("startTime").map(EventQueryParameters::time).orElse(null);
    Instant until = request.query("untilTime").map(EventQueryParameters::time).orElse(null);
    int limit = request.query("limit").map(v -> integer("limit", v)).orElse(DEFAULT_LIMIT);
    return EventQuery.ALL
        .withTime(new TimeRange(start, until))
        .withEntity(entityType.orElse(null), entityId.orElse(null))
        .withEventNames(request.query("event").map(List::of).orElse(List.of()))
        .withTargetEntityType(request.query("targetEntityType").map(TargetFilter::equalTo).orElse(TargetFilter.ANY))
        .withTargetEntityId(request.query("targetEntityId").map(TargetFilter::equalTo).orElse(TargetFilter.ANY))
        .withLimit(limit)
        .withReversed(reversed);
  }

  private static Instant time(String value) {
    try {
      return EventTimes.parse(value).toInstant();
    } catch (EventTimeFormatException e) {
      throw new ApiException(400, "java.lang.IllegalArgumentException: " + e.getMessage());
    }
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw malformed(name, "'" + value + "' is not a valid 32-bit integer value");
    }
  }

  /** spray's boolean reading: true/yes/on and false/no/off, in any case. */
  private static boolean bool(String name, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on":
        return true;
      case "false", "no", "off":
        return false;
      default:
        throw malformed(name, "'" + value + "' is not a valid Boolean value");
    }
  }

  private static ApiException malformed(String name, String detail) {
    return new ApiException(400, "The query parameter '" + name + "' was malformed:\n" + detail);
  }
}
