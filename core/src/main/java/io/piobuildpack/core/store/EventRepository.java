package io.piobuildpack.core.store;

import io.piobuildpack.core.event.Event;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Single events of an app or channel ({@code LEvents}): insert, batch insert, get, delete, find. Operations on a
 * scope whose app or channel does not exist throw {@link AppNotFoundException} or {@link ChannelNotFoundException}.
 */
public interface EventRepository {

  /**
   * Inserts one event and returns its id (the event's own, or a new 32-hex id).
   *
   * @throws EventIdConflictException when the event's id is already in the table
   */
  String insert(EventScope scope, Event event);

  /** Inserts events in one transaction (all or none) and returns their ids in input order. */
  List<String> insertBatch(EventScope scope, List<Event> events);

  Optional<Event> get(EventScope scope, String eventId);

  /** Deletes the event; false when there was no such event. */
  boolean delete(EventScope scope, String eventId);

  /**
   * Streams the events matching the query, ordered by event time. The stream holds a database connection until
   * it is closed, so use it in try-with-resources; results are read with a cursor, not held in memory.
   */
  Stream<Event> find(EventScope scope, EventQuery query);

  /**
   * Why this (valid) event cannot be stored in this store's event tables — an id longer than 32 characters, an
   * indexed column over 255 characters, U+0000 on PostgreSQL — or empty when it fits. No database access.
   */
  Optional<StorageProblem> storageProblem(Event event);

  /** Counts the events of a scope. */
  long count(EventScope scope);
}
