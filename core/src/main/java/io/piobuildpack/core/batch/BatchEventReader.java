package io.piobuildpack.core.batch;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.InvalidEventException;
import io.piobuildpack.core.event.json.EventJsonReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a batch event file (PredictionIO's import format: one JSON event per line), reading and validating
 * each line as {@code pio import} does. Lines whose trimmed content is empty are skipped. A bad line is
 * reported as a {@link BatchLine} with a problem, never as an exception, so callers see every bad line. A line
 * whose {@code eventId} an earlier line of the file gave to a different event is bad too
 * ({@link RepeatedEventIds}).
 */
public final class BatchEventReader implements Closeable {

  private final EventFileSource source;
  private final InputStream in;
  private final LineSplitter lines;
  private final EventJsonReader json;
  private final RepeatedEventIds eventIds = new RepeatedEventIds();

  private BatchEventReader(EventFileSource source, InputStream in, EventJsonReader json) {
    this.source = source;
    this.in = in;
    this.lines = new LineSplitter(in);
    this.json = json;
  }

  /**
   * Opens the source for reading.
   *
   * @throws EventFileException when it cannot be opened
   */
  public static BatchEventReader open(EventFileSource source, EventJsonReader json) {
    return new BatchEventReader(source, source.open(), json);
  }

  /** The label of the file being read. */
  public String label() {
    return source.label();
  }

  /**
   * The next non-blank line, or {@code null} at the end.
   *
   * @throws EventFileException when the file cannot be read further (I/O error, corrupt gzip)
   */
  public BatchLine next() {
    while (true) {
      LineSplitter.RawLine raw;
      try {
        raw = lines.next();
      } catch (IOException e) {
        throw EventFileException.cannotRead(source.label(), e);
      }
      if (raw == null) {
        return null;
      }
      if (raw.decodeError() != null) {
        return new BatchLine(raw.number(), null, new LineProblem(raw.number(), null, raw.decodeError()));
      }
      if (raw.text().isBlank()) {
        continue;
      }
      try {
        Event event = json.read(raw.text());
        if (source.newEventIds()) {
          return new BatchLine(raw.number(), event.withEventId(null), null);
        }
        long firstLine = eventIds.conflictingLine(event, raw.number());
        if (firstLine != 0) {
          return new BatchLine(raw.number(), null, new LineProblem(raw.number(), "eventId", "'" + event.eventId()
              + "' is also the eventId of line " + firstLine + "; an event id names one event of an app (use"
              + " --new-event-ids to give every event a new id)"));
        }
        return new BatchLine(raw.number(), event, null);
      } catch (InvalidEventException e) {
        return new BatchLine(raw.number(), null, new LineProblem(raw.number(), e.field(), e.reason()));
      }
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new EventFileException(source.label(), "cannot close: " + e.getMessage(), e);
    }
  }
}
