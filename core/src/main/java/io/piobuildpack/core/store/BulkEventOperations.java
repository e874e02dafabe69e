package io.piobuildpack.core.store;

import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.event.Event;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * Whole-table operations: import of a batch file, export, purge, and purge with import in one transaction. Every
 * write here is atomic: on a bad line, an error or a lost connection the store is left as it was.
 */
public interface BulkEventOperations {

  /**
   * Imports a batch file in one transaction. Every line is read and validated; when any line is bad nothing is
   * written and every bad line is reported. Events whose {@code eventId} is already in the table are skipped, so
   * importing the same file twice leaves one copy; events without an id get a new one.
   *
   * @throws InvalidBatchFileException when some lines are bad (nothing written)
   * @throws io.piobuildpack.core.batch.EventFileException when the file cannot be read (nothing written)
   */
  default ImportResult importEvents(EventScope scope, EventFileSource source, ImportListener listener) {
    return importEvents(scope, source, listener, List.of());
  }

  /**
   * Imports a batch file as {@link #importEvents(EventScope, EventFileSource, ImportListener)} and inserts the
   * given events (for example a checkpoint recording that the import happened) in the same transaction. The
   * result counts only the file's events.
   */
  ImportResult importEvents(EventScope scope, EventFileSource source, ImportListener listener,
      List<Event> alsoInsert);

  /**
   * Deletes every event of the scope and imports the file, committed together: when the import fails the old
   * events are still there.
   */
  default ImportResult replaceEvents(EventScope scope, EventFileSource source, ImportListener listener) {
    return replaceEvents(scope, source, listener, Set.of());
  }

  /**
   * As {@link #replaceEvents(EventScope, EventFileSource, ImportListener)}, but events whose {@code entityType} is
   * one of {@code keepEntityTypes} (for example {@code checkpoint}) are not deleted.
   */
  ImportResult replaceEvents(EventScope scope, EventFileSource source, ImportListener listener,
      Set<String> keepEntityTypes);

  /**
   * Creates the app as {@link AppRepository#create} does (app row, event table, access key) and imports the file
   * into its default channel, with {@code alsoInsert}, all in one transaction: on any failure (a bad line, the
   * name taken, the connection lost) neither the app nor any event exists afterwards.
   *
   * @throws AppAlreadyExistsException when the name (or explicit id) is taken
   * @throws InvalidBatchFileException when some lines are bad
   */
  CreatedAppImport createAppAndImport(NewApp app, EventFileSource source, ImportListener listener,
      List<Event> alsoInsert);

  /**
   * Writes every event of the scope, one JSON line each in PredictionIO's export format, oldest first, in constant
   * memory. Returns the number of events written. The writer is flushed, not closed.
   */
  long exportEvents(EventScope scope, Writer out);

  /** Deletes every event of one channel (or the default channel) atomically; returns how many were deleted. */
  long purge(EventScope scope);

  /** Deletes every event of the app's default channel and all its channels, in one transaction. */
  long purgeAll(int appId);
}
