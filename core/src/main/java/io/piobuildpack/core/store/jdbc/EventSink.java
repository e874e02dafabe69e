package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.event.Event;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Receives the events of an import inside the caller's transaction, skipping ids already in the table. Nothing
 * is committed here; {@link #close()} releases resources and abandons unfinished work.
 */
interface EventSink extends AutoCloseable {

  void add(String id, Event event) throws SQLException, IOException;

  /** Writes everything still buffered and reports the counts. */
  ImportCounts finish() throws SQLException, IOException;

  @Override
  void close() throws SQLException;
}
