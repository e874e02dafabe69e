package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.event.json.PropertiesJson;
import io.piobuildpack.core.store.StorageException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Maps events to and from the 13 columns of an event table with PredictionIO's encodings ({@code JDBCLEvents},
 * https://github.com/apache/predictionio/blob/v0.14.0/storage/jdbc/src/main/scala/org/apache/predictionio/data/storage/jdbc/JDBCLEvents.scala): properties as compact JSON (NULL read as
 * {@code {}}), tags joined with {@code ,} or NULL, each time as a timestamp plus its zone id ({@code UTC}, never
 * {@code Z}).
 */
final class EventRows {

  private final Dialect dialect;

  EventRows(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Binds the 13 columns, in order, starting at parameter 1. */
  void bind(PreparedStatement statement, String id, Event event) throws SQLException {
    statement.setString(1, id);
    statement.setString(2, event.event());
    statement.setString(3, event.entityType());
    statement.setString(4, event.entityId());
    statement.setString(5, event.targetEntityType());
    statement.setString(6, event.targetEntityId());
    statement.setString(7, properties(event));
    dialect.bindTime(statement, 8, event.eventTime().toInstant());
    statement.setString(9, EventTimes.storedZoneId(event.eventTime()));
    statement.setString(10, tags(event));
    statement.setString(11, event.prId());
    dialect.bindTime(statement, 12, event.creationTime().toInstant());
    statement.setString(13, EventTimes.storedZoneId(event.creationTime()));
  }

  /** Reads the current row, selected with {@link EventColumns#LIST}. */
  Event read(ResultSet rows) throws SQLException {
    String id = rows.getString(1);
    EventProperties properties;
    try {
      properties = PropertiesJson.fromJson(rows.getString(7));
    } catch (IllegalArgumentException e) {
      throw new StorageException("Event " + id + " has unreadable properties: " + e.getMessage(), e);
    }
    ZonedDateTime eventTime = time(dialect.readTime(rows, 8), rows.getString(9));
    ZonedDateTime creationTime = time(dialect.readTime(rows, 12), rows.getString(13));
    return new Event(id, rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
        rows.getString(6), properties, eventTime, tags(rows.getString(10)), rows.getString(11), creationTime);
  }

  /** The {@code properties} column: compact JSON, {@code {}} when empty. */
  static String properties(Event event) {
    return PropertiesJson.toJson(event.properties());
  }

  /** The {@code tags} column: NULL when there are none, else joined with {@code ,} (PredictionIO does not escape). */
  static String tags(Event event) {
    return event.tags().isEmpty() ? null : String.join(",", event.tags());
  }

  private static List<String> tags(String column) {
    return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
  }

  private static ZonedDateTime time(Instant instant, String zoneId) {
    Instant value = instant == null ? Instant.EPOCH : instant;
    return value.atZone(zone(zoneId));
  }

  private static ZoneId zone(String zoneId) {
    try {
      return EventTimes.zoneFromStoredId(zoneId);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
