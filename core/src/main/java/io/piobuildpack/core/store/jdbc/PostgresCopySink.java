package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventTimes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads events on PostgreSQL with {@code COPY FROM STDIN}, inside the caller's transaction. Events whose id was
 * just generated cannot be in the table yet and are copied straight into it; events that carry their own id are
 * copied into a temporary table (dropped at commit) and moved with {@code INSERT ... ON CONFLICT (id) DO
 * NOTHING}, so ids already present are skipped. A file mixing both switches between the two copies.
 */
final class PostgresCopySink implements EventSink {

  private static final String STAGING = "pio_import_staging";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
  private static final DateTimeFormatter TIMESTAMP_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
  private static final int BUFFER = 1 << 16;

  private final Connection connection;
  private final String table;
  private final WallClockTimes wallClock;
  private PGCopyOutputStream copy;
  private Writer out;
  private CopyTextRow row;
  private boolean copyingToStaging;
  private boolean stagingCreated;
  private long direct;
  private long staged;

  PostgresCopySink(Connection connection, String table, ZoneId timestampZone) throws SQLException {
    this.connection = connection;
    this.table = table;
    this.wallClock = new WallClockTimes(timestampZone);
    startCopy(false);
  }

  @Override
  public void add(String id, Event event) throws SQLException, IOException {
    boolean ownId = event.eventId() != null;
    if (ownId != copyingToStaging) {
      endCopy();
      startCopy(ownId);
    }
    row.field(id)
        .field(event.event())
        .field(event.entityType())
        .field(event.entityId())
        .field(event.targetEntityType())
        .field(event.targetEntityId())
        .field(EventRows.properties(event))
        .field(timestamp(event.eventTime().toInstant()))
        .field(EventTimes.storedZoneId(event.eventTime()))
        .field(EventRows.tags(event))
        .field(event.prId())
        .field(timestamp(event.creationTime().toInstant()))
        .field(EventTimes.storedZoneId(event.creationTime()))
        .end();
    if (ownId) {
      staged++;
    } else {
      direct++;
    }
  }

  @Override
  public ImportCounts finish() throws SQLException, IOException {
    endCopy();
    long movedFromStaging = 0;
    if (staged > 0) {
      try (Statement statement = connection.createStatement()) {
        movedFromStaging = statement.executeLargeUpdate("INSERT INTO " + table + " SELECT * FROM " + STAGING
            + " ON CONFLICT (id) DO NOTHING");
      }
    }
    return new ImportCounts(direct + movedFromStaging, staged - movedFromStaging);
  }

  @Override
  public void close() throws SQLException {
    if (copy != null && copy.isActive()) {
      copy.cancelCopy();
    }
  }

  private void startCopy(boolean toStaging) throws SQLException {
    if (toStaging && !stagingCreated) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TEMPORARY TABLE " + STAGING + " (LIKE " + table + " INCLUDING DEFAULTS) "
            + "ON COMMIT DROP");
      }
      stagingCreated = true;
    }
    copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
        "COPY " + (toStaging ? STAGING : table) + " (" + EventColumns.LIST + ") FROM STDIN", BUFFER);
    out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
    row = new CopyTextRow(out);
    copyingToStaging = toStaging;
  }

  private void endCopy() throws IOException, SQLException {
    out.flush();
    copy.endCopy();
  }

  private String timestamp(Instant instant) {
    LocalDateTime local = wallClock.toLocal(instant);
    return local.getNano() % 1_000_000 == 0 ? local.format(TIMESTAMP) : local.format(TIMESTAMP_MICROS);
  }
}
