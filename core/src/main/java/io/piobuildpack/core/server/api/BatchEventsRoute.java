package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.json.EventBatch;
import io.piobuildpack.core.event.json.EventBatchJsonReader;
import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.server.http.ApiException;
import io.piobuildpack.core.server.http.ApiRequest;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.JsonText;
import io.piobuildpack.core.server.http.RequestBodies;
import io.piobuildpack.core.server.http.Route;
import io.piobuildpack.core.store.EventIdConflictException;
import io.piobuildpack.core.store.StorageException;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /batch/events.json}: at most {@value #MAX_EVENTS} events; 200 with one result per element in input
 * order: {@code {"status":201,"eventId":...}}, or {@code {"status":400|403,"message":...}} for an element that is
 * invalid or not allowed. All stored elements are inserted in one transaction: when the database is unreachable
 * the whole request is 503 and nothing is stored; when the insert fails otherwise, every element that was to be
 * stored reports 409 (an {@code eventId} already exists) or 500, and none is stored.
 */
final class BatchEventsRoute implements Route {

  static final int MAX_EVENTS = 50;
  static final String TOO_MANY = "Batch request must have less than or equal to " + MAX_EVENTS + " events";

  private static final Logger LOG = LoggerFactory.getLogger(BatchEventsRoute.class);

  private final RequestAuthentication authentication;
  private final EventBatchJsonReader reader;
  private final EventIntake intake;
  private final EventAccess access;

  BatchEventsRoute(RequestAuthentication authentication, EventBatchJsonReader reader, EventIntake intake,
      EventAccess access) {
    this.authentication = authentication;
    this.reader = reader;
    this.intake = intake;
    this.access = access;
  }

  @Override
  public ApiResponse handle(ApiRequest request, String pathValue) {
    Caller caller = authentication.caller(request);
    EventBatch batch = reader.read(RequestBodies.json(request));
    if (batch.size() > MAX_EVENTS) {
      throw new ApiException(400, TOO_MANY);
    }
    List<EventBatch.Item> items = batch.items();
    String[] results = new String[items.size()];
    List<Event> accepted = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      EventBatch.Item item = items.get(i);
      if (!item.isValid()) {
        results[i] = failed(400, item.error().pioMessage());
        continue;
      }
      try {
        intake.admit(caller, item.event());
        accepted.add(item.event());
        positions.add(i);
      } catch (ApiException refused) {
        results[i] = failed(refused.status(), refused.getMessage());
      }
    }
    store(caller, accepted, positions, results);
    return ApiResponse.json(200, "[" + String.join(",", Arrays.asList(results)) + "]");
  }

  private void store(Caller caller, List<Event> accepted, List<Integer> positions, String[] results) {
    if (accepted.isEmpty()) {
      return;
    }
    try {
      List<String> ids = access.insertBatch(caller, accepted);
      for (int i = 0; i < ids.size(); i++) {
        results[positions.get(i)] = JsonText.object("status", 201, "eventId", ids.get(i));
        intake.counted(caller, accepted.get(i));
      }
    } catch (StorageUnavailableException e) {
      throw e;
    } catch (EventIdConflictException e) {
      fill(results, positions, failed(409,
          "An event of this batch has an eventId that already exists; no event of the batch was stored."));
    } catch (StorageException e) {
      LOG.error("Batch insert failed", e);
      fill(results, positions, failed(500,
          "The event store failed to store the batch; no event of the batch was stored."));
    }
  }

  private static void fill(String[] results, List<Integer> positions, String result) {
    positions.forEach(position -> results[position] = result);
  }

  private static String failed(int status, String message) {
    return JsonText.object("status", status, "message", message);
  }
}
