package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.batch.LineCheck;
import io.piobuildpack.core.batch.LineProblem;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.store.StorageProblem;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Limits of the event table that PredictionIO's validation does not know about, checked per line before an
 * import so that the file is reported line by line instead of failing in the database: ids of 1 to 32
 * characters without U+0000 (the one character an id in the Event API's path cannot hold), 255 characters for the indexed columns of the {@code INDEX=enabled} table, no U+0000 on
 * PostgreSQL.
 */
public final class StorableEventCheck implements LineCheck {

  /** The id PredictionIO's HBase event store gives an event: 32 bytes in URL-safe Base64 without padding. */
  private static final Pattern HBASE_EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final boolean indexed;
  private final boolean nulAllowed;

  StorableEventCheck(boolean indexed, boolean nulAllowed) {
    this.indexed = indexed;
    this.nulAllowed = nulAllowed;
  }

  /**
   * The limits of the store these settings name, known without connecting: the id length always, the indexed
   * columns' length when {@code INDEX=enabled}, U+0000 when the URL is PostgreSQL's.
   *
   * @throws io.piobuildpack.core.config.InvalidStorageSettingsException when the URL names no supported database
   */
  public static StorableEventCheck of(StorageSettings settings) {
    return new StorableEventCheck(settings.indexEnabled(),
        Dialects.forUrl(settings.jdbcUrl(), settings.timestampZone()).storesNulCharacters());
  }

  /** The problem with storing this event on one line of a file, or {@code null} when it fits. */
  @Override
  public LineProblem problem(long line, Event event) {
    Optional<StorageProblem> problem = problem(event);
    if (problem.isEmpty()) {
      return null;
    }
    String reason = problem.get().reason();
    if ("eventId".equals(problem.get().field()) && HBASE_EVENT_ID.matcher(event.eventId()).matches()) {
      reason += "; this 43-character id looks like one from a PredictionIO HBase event store: import with"
          + " --new-event-ids to give every event a new id (the file's ids are then ignored)";
    }
    return new LineProblem(line, problem.get().field(), reason);
  }

  /** The problem with storing this event, if any. */
  Optional<StorageProblem> problem(Event event) {
    String id = event.eventId();
    if (id != null && (id.isEmpty() || id.length() > EventColumns.MAX_ID_LENGTH)) {
      return Optional.of(new StorageProblem("eventId", "must have 1 to " + EventColumns.MAX_ID_LENGTH
          + " characters"));
    }
    if (id != null && id.indexOf('\0') >= 0) {
      // every other character reaches GET/DELETE /events/<id>.json percent-encoded; Jetty refuses %00 in a path
      return Optional.of(new StorageProblem("eventId", "must not contain the character U+0000: an event with it"
          + " could not be read or deleted through /events/<id>.json"));
    }
    if (indexed) {
      String tooLong = firstLongerThanIndexLimit(event);
      if (tooLong != null) {
        return Optional.of(new StorageProblem(tooLong, "is longer than " + EventColumns.MAX_INDEXED_LENGTH
            + " characters, the limit of the indexed event table (INDEX=enabled)"));
      }
    }
    if (!nulAllowed) {
      String withNul = firstWithNul(event);
      if (withNul != null) {
        return Optional.of(new StorageProblem(withNul, "contains the character U+0000, which PostgreSQL cannot"
            + " store"));
      }
    }
    return Optional.empty();
  }

  private static String firstLongerThanIndexLimit(Event event) {
    if (event.event().length() > EventColumns.MAX_INDEXED_LENGTH) {
      return "event";
    }
    if (event.entityType().length() > EventColumns.MAX_INDEXED_LENGTH) {
      return "entityType";
    }
    return event.entityId().length() > EventColumns.MAX_INDEXED_LENGTH ? "entityId" : null;
  }

  private static String firstWithNul(Event event) {
    String[][] fields = {
        {"eventId", event.eventId()}, {"event", event.event()}, {"entityType", event.entityType()},
        {"entityId", event.entityId()}, {"targetEntityType", event.targetEntityType()},
        {"targetEntityId", event.targetEntityId()}, {"prId", event.prId()}};
    for (String[] field : fields) {
      if (field[1] != null && field[1].indexOf('\0') >= 0) {
        return field[0];
      }
    }
    return null;
  }
}
