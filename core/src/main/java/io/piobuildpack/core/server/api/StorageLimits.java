package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.server.http.ApiException;

/**
 * What the event table cannot store although PredictionIO's validation accepts it, refused with 400 before the
 * database is asked (PredictionIO answered 500 with the database's error): a client {@code eventId} of more than
 * 32 characters (the column is {@code varchar(32)}) or an empty one, and U+0000 in a text field (PostgreSQL
 * cannot store it; refused on every database so that both behave alike).
 */
final class StorageLimits {

  static final int MAX_EVENT_ID_LENGTH = 32;

  private StorageLimits() {}

  /** @throws ApiException 400 naming the field */
  static void check(Event event) {
    String id = event.eventId();
    if (id != null && (id.isEmpty() || id.length() > MAX_EVENT_ID_LENGTH)) {
      throw new ApiException(400, "eventId must have 1 to " + MAX_EVENT_ID_LENGTH + " characters.");
    }
    String[][] fields = {
        {"eventId", id}, {"event", event.event()}, {"entityType", event.entityType()},
        {"entityId", event.entityId()}, {"targetEntityType", event.targetEntityType()},
        {"targetEntityId", event.targetEntityId()}, {"prId", event.prId()}};
    for (String[] field : fields) {
      if (field[1] != null && field[1].indexOf('\0') >= 0) {
        throw new ApiException(400, field[0] + " must not contain the character U+0000.");
      }
    }
  }
}
