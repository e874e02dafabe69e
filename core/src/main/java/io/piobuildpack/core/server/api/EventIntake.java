package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.server.http.ApiException;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.JsonText;
import io.piobuildpack.core.server.stats.EventStats;
import java.util.Optional;

/**
 * Admits a valid event for a caller and stores it: what the event table cannot hold (400, checked by the store
 * before the database is asked; PredictionIO answered 500 with the database's error), then the key's event whitelist (403,
 * {@code <event> events are not allowed}), then the insert, which returns only once the event is committed; then
 * the {@code --stats} counters.
 */
final class EventIntake {

  private final EventAccess access;
  private final Optional<EventStats> stats;

  EventIntake(EventAccess access, Optional<EventStats> stats) {
    this.access = access;
    this.stats = stats;
  }

  /** @throws ApiException 400 when the event cannot be stored, 403 when the key may not post it */
  void admit(Caller caller, Event event) {
    access.storageProblem(event).ifPresent(problem -> {
      throw new ApiException(400, problem.describe() + ".");
    });
    if (!caller.mayPost(event.event())) {
      throw new ApiException(403, event.event() + " events are not allowed");
    }
  }

  /** Admits and stores one event: 201 {@code {"eventId":"..."}}. */
  ApiResponse store(Caller caller, Event event) {
    admit(caller, event);
    String id = access.insert(caller, event);
    counted(caller, event);
    return ApiResponse.json(201, JsonText.object("eventId", id));
  }

  /** Counts a stored event for {@code --stats}. */
  void counted(Caller caller, Event event) {
    stats.ifPresent(s -> s.record(caller.appId(), 201, event));
  }
}
