package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Loads events with a batched prepared statement that ignores rows whose id is present (SQLite's
 * {@code INSERT OR IGNORE}; the statement text comes from the dialect).
 */
final class BatchInsertSink implements EventSink {

  private static final int BATCH_SIZE = 1000;

  private final PreparedStatement insert;
  private final EventRows rows;
  private int pending;
  private long added;
  private long inserted;

  BatchInsertSink(Connection connection, String insertIgnoringDuplicatesSql, EventRows rows) throws SQLException {
    this.insert = connection.prepareStatement(insertIgnoringDuplicatesSql);
    this.rows = rows;
  }

  @Override
  public void add(String id, Event event) throws SQLException {
    rows.bind(insert, id, event);
    insert.addBatch();
    added++;
    if (++pending == BATCH_SIZE) {
      flush();
    }
  }

  @Override
  public ImportCounts finish() throws SQLException {
    flush();
    return new ImportCounts(inserted, added - inserted);
  }

  @Override
  public void close() throws SQLException {
    insert.close();
  }

  private void flush() throws SQLException {
    if (pending == 0) {
      return;
    }
    for (int count : insert.executeBatch()) {
      if (count > 0) {
        inserted += count;
      }
    }
    pending = 0;
  }
}
