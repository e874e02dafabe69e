package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.batch.BatchLine;
import io.piobuildpack.core.batch.LineProblem;
import io.piobuildpack.core.batch.LineProblems;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.store.EventIdGenerator;
import io.piobuildpack.core.store.ImportListener;
import io.piobuildpack.core.store.ImportProgress;
import io.piobuildpack.core.store.InvalidBatchFileException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One pass over a batch file inside the caller's transaction: every line is read and checked, valid events go to
 * the sink until the first bad line, and after the last line either every bad line is reported (the caller rolls
 * back) or the sink's counts are returned (the caller commits).
 */
final class EventImport {

  private final StorableEventCheck check;
  private final ImportListener listener;
  private final long startNanos;

  EventImport(StorableEventCheck check, ImportListener listener, long startNanos) {
    this.check = check;
    this.listener = listener;
    this.startNanos = startNanos;
  }

  /**
   * Reads the whole file into the sink, then adds {@code alsoInsert} (not counted in the result).
   *
   * @throws InvalidBatchFileException when any line is bad
   */
  ImportCounts run(LinePrefetcher reader, EventSink sink, List<Event> alsoInsert) throws SQLException, IOException {
    LineProblems problems = new LineProblems(LineProblems.DEFAULT_CAP);
    long lines = 0;
    for (BatchLine line = reader.next(); line != null; line = reader.next()) {
      lines++;
      LineProblem problem = line.isValid() ? check.problem(line.lineNumber(), line.event()) : line.problem();
      if (problem != null) {
        problems.add(problem);
      } else if (problems.isEmpty()) {
        Event event = line.event();
        sink.add(event.eventId() != null ? event.eventId() : EventIdGenerator.next(), event);
      }
      if (lines % ImportListener.INTERVAL_LINES == 0) {
        listener.progress(new ImportProgress(lines, problems.count(), Duration.ofNanos(System.nanoTime()
            - startNanos)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidBatchFileException(reader.label(), problems);
    }
    for (Event extra : alsoInsert) {
      sink.add(extra.eventId() != null ? extra.eventId() : EventIdGenerator.next(), extra);
    }
    ImportCounts counts = sink.finish();
    return new ImportCounts(counts.inserted() - alsoInsert.size(), counts.alreadyPresent());
  }
}
