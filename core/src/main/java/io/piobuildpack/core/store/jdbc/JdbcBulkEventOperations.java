package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.batch.BatchEventReader;
import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.json.EventJsonReader;
import io.piobuildpack.core.event.json.EventJsonWriter;
import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.BulkEventOperations;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.CreatedApp;
import io.piobuildpack.core.store.CreatedAppImport;
import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.EventRepository;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.ImportListener;
import io.piobuildpack.core.store.ImportResult;
import io.piobuildpack.core.store.NewApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Import (COPY or batched insert), export, purge, and purge with import, each in one transaction. */
final class JdbcBulkEventOperations implements BulkEventOperations {

  private final Database database;
  private final MetadataQueries metadata;
  private final EventRows rows;
  private final EventRepository events;
  private final StorableEventCheck check;
  private final JdbcAppRepository apps;

  JdbcBulkEventOperations(Database database, MetadataQueries metadata, EventRows rows, EventRepository events,
      StorableEventCheck check, JdbcAppRepository apps) {
    this.apps = apps;
    this.database = database;
    this.metadata = metadata;
    this.rows = rows;
    this.events = events;
    this.check = check;
  }

  @Override
  public ImportResult importEvents(EventScope scope, EventFileSource source, ImportListener listener,
      List<Event> alsoInsert) {
    return load(scope, source, listener, null, alsoInsert);
  }

  @Override
  public ImportResult replaceEvents(EventScope scope, EventFileSource source, ImportListener listener,
      Set<String> keepEntityTypes) {
    return load(scope, source, listener, keepEntityTypes, List.of());
  }

  @Override
  public CreatedAppImport createAppAndImport(NewApp app, EventFileSource source, ImportListener listener,
      List<Event> alsoInsert) {
    long start = System.nanoTime();
    EventImport importer = new EventImport(check, listener, start);
    try (BatchEventReader reader = BatchEventReader.open(source, EventJsonReader.standard())) {
      return database.inTransaction("create app " + app.name() + " and import events", null, connection -> {
        CreatedApp created = apps.create(connection, app);
        EventScope scope = EventScope.of(created.app().id());
        ImportCounts counts;
        try (LinePrefetcher lines = new LinePrefetcher(reader);
            EventSink sink = database.dialect().openImportSink(connection, database.tables().events(scope), rows)) {
          counts = importer.run(lines, sink, alsoInsert);
        }
        return new CreatedAppImport(created, new ImportResult(counts.inserted(), counts.alreadyPresent(),
            Duration.ofNanos(System.nanoTime() - start)));
      });
    }
  }

  @Override
  public long exportEvents(EventScope scope, Writer out) {
    long count = 0;
    try (Stream<Event> stream = events.find(scope, EventQuery.ALL)) {
      Iterator<Event> iterator = stream.iterator();
      while (iterator.hasNext()) {
        EventJsonWriter.write(iterator.next(), out);
        out.write('\n');
        count++;
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  @Override
  public long purge(EventScope scope) {
    return database.inTransaction("purge events", scope, connection -> {
      database.dialect().beginWrite(connection, database.tables());
      metadata.requireScope(connection, scope);
      return deleteAll(connection, scope);
    });
  }

  @Override
  public long purgeAll(int appId) {
    return database.inTransaction("purge events", EventScope.of(appId), connection -> {
      database.dialect().beginWrite(connection, database.tables());
      if (metadata.appById(connection, appId).isEmpty()) {
        throw AppNotFoundException.id(appId);
      }
      long deleted = 0;
      for (Channel channel : metadata.channelsOf(connection, appId)) {
        deleted += deleteAll(connection, EventScope.of(appId, channel.id()));
      }
      return deleted + deleteAll(connection, EventScope.of(appId));
    });
  }

  /** @param purgeKeeping null to keep every event; else delete all but these entity types first */
  private ImportResult load(EventScope scope, EventFileSource source, ImportListener listener,
      Set<String> purgeKeeping, List<Event> alsoInsert) {
    long start = System.nanoTime();
    EventImport importer = new EventImport(check, listener, start);
    ImportCounts counts;
    try (BatchEventReader reader = BatchEventReader.open(source, EventJsonReader.standard())) {
      counts = database.inTransaction("import events", scope, connection -> {
        database.dialect().beginWrite(connection, database.tables());
        metadata.requireScope(connection, scope);
        if (purgeKeeping != null) {
          deleteAllBut(connection, scope, purgeKeeping);
        }
        try (LinePrefetcher lines = new LinePrefetcher(reader);
            EventSink sink = database.dialect().openImportSink(connection, database.tables().events(scope), rows)) {
          return importer.run(lines, sink, alsoInsert);
        }
      });
    }
    return new ImportResult(counts.inserted(), counts.alreadyPresent(), Duration.ofNanos(System.nanoTime() - start));
  }

  private void deleteAllBut(Connection connection, EventScope scope, Set<String> keepEntityTypes)
      throws SQLException {
    if (keepEntityTypes.isEmpty()) {
      deleteAll(connection, scope);
      return;
    }
    String placeholders = String.join(", ", Collections.nCopies(keepEntityTypes.size(), "?"));
    try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + database.tables().events(scope)
        + " WHERE entityType NOT IN (" + placeholders + ")")) {
      int index = 1;
      for (String type : keepEntityTypes) {
        statement.setString(index++, type);
      }
      statement.executeLargeUpdate();
    }
  }

  private long deleteAll(Connection connection, EventScope scope) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeLargeUpdate("DELETE FROM " + database.tables().events(scope));
    }
  }
}
