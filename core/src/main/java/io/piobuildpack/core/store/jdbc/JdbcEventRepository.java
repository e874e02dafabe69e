package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.store.EventIdConflictException;
import io.piobuildpack.core.store.EventIdGenerator;
import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.EventRepository;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.StorageException;
import io.piobuildpack.core.store.StorageProblem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Events in the table of an app or channel ({@code JDBCLEvents}), with positional 13-column inserts. */
final class JdbcEventRepository implements EventRepository {

  private final Database database;
  private final EventRows rows;
  private final StorableEventCheck check;

  JdbcEventRepository(Database database, EventRows rows, StorableEventCheck check) {
    this.database = database;
    this.rows = rows;
    this.check = check;
  }

  @Override
  public Optional<StorageProblem> storageProblem(Event event) {
    return check.problem(event);
  }

  @Override
  public String insert(EventScope scope, Event event) {
    String id = idOf(event);
    return database.withConnection("insert an event", scope, connection -> {
      try (PreparedStatement insert = connection.prepareStatement(insertSql(scope))) {
        rows.bind(insert, id, event);
        insert.executeUpdate();
      }
      return id;
    }, connection -> insertUnlessStored(connection, scope, id, event));
  }

  @Override
  public List<String> insertBatch(EventScope scope, List<Event> events) {
    List<String> ids = new ArrayList<>(events.size());
    for (Event event : events) {
      ids.add(idOf(event));
    }
    if (events.isEmpty()) {
      return ids;
    }
    SqlWork<List<String>> insertAll = connection -> {
      try (PreparedStatement insert = connection.prepareStatement(insertSql(scope))) {
        for (int i = 0; i < events.size(); i++) {
          rows.bind(insert, ids.get(i), events.get(i));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return List.copyOf(ids);
    };
    // the batch is one transaction: its first event is stored exactly when all of them are
    return database.inTransaction("insert events", scope, insertAll,
        connection -> isStored(connection, scope, ids.get(0), events.get(0)) ? List.copyOf(ids)
            : insertAll.run(connection));
  }

  @Override
  public Optional<Event> get(EventScope scope, String eventId) {
    return database.withConnection("read an event", scope, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + EventColumns.LIST + " FROM " + table(scope) + " WHERE id = ?")) {
        select.setString(1, eventId);
        try (ResultSet result = select.executeQuery()) {
          return result.next() ? Optional.of(rows.read(result)) : Optional.<Event>empty();
        }
      }
    });
  }

  @Override
  public boolean delete(EventScope scope, String eventId) {
    return database.withConnection("delete an event", scope, connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table(scope) + " WHERE id = ?")) {
        delete.setString(1, eventId);
        return delete.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Stream<Event> find(EventScope scope, EventQuery query) {
    return EventCursor.open(database, scope, EventQuerySql.of(table(scope), query), rows);
  }

  @Override
  public long count(EventScope scope) {
    return database.withConnection("count events", scope, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + table(scope));
          ResultSet result = select.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    });
  }

  /**
   * The insert as it is redone after the connection of the first attempt was lost (exposed to tests of that
   * case): the event must carry its id.
   */
  String insertAfterLostConnection(EventScope scope, Event event) {
    String id = idOf(event);
    return database.withConnection("insert an event", scope, connection -> insertUnlessStored(connection, scope, id,
        event));
  }

  /**
   * The insert redone after the connection of the first attempt was lost, when that attempt may have committed:
   * nothing is written when this very event is already stored under the id.
   *
   * @return the id
   * @throws EventIdConflictException when another event holds the id
   */
  private String insertUnlessStored(Connection connection, EventScope scope, String id, Event event)
      throws SQLException {
    if (!isStored(connection, scope, id, event)) {
      try (PreparedStatement insert = connection.prepareStatement(insertSql(scope))) {
        rows.bind(insert, id, event);
        insert.executeUpdate();
      }
    }
    return id;
  }

  /**
   * True when the row with this id holds this event (same name, entity and creation time to the millisecond: the
   * creation time is taken before the first attempt, so no other request stores the same one by chance).
   *
   * @throws EventIdConflictException when another event holds the id
   */
  private boolean isStored(Connection connection, EventScope scope, String id, Event event) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + EventColumns.LIST + " FROM " + table(scope) + " WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet result = select.executeQuery()) {
        if (!result.next()) {
          return false;
        }
        Event stored = rows.read(result);
        if (stored.event().equals(event.event()) && stored.entityType().equals(event.entityType())
            && stored.entityId().equals(event.entityId()) && stored.creationTime().toInstant().toEpochMilli()
            == event.creationTime().toInstant().toEpochMilli()) {
          return true;
        }
        throw new EventIdConflictException("Cannot insert an event: an event with this eventId already exists",
            null);
      }
    }
  }

  private String table(EventScope scope) {
    return database.tables().events(scope);
  }

  private String insertSql(EventScope scope) {
    return "INSERT INTO " + table(scope) + " (" + EventColumns.LIST + ") VALUES (" + EventColumns.PLACEHOLDERS
        + ")";
  }

  private static String idOf(Event event) {
    if (event.eventId() == null) {
      return EventIdGenerator.next();
    }
    if (event.eventId().isEmpty() || event.eventId().length() > EventColumns.MAX_ID_LENGTH) {
      throw new StorageException("Cannot store eventId '" + event.eventId() + "': it must have 1 to "
          + EventColumns.MAX_ID_LENGTH + " characters");
    }
    return event.eventId();
  }
}
