package io.piobuildpack.core.cli;

import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.ImportListener;
import io.piobuildpack.core.store.ImportResult;
import io.piobuildpack.core.store.InvalidBatchFileException;
import io.piobuildpack.core.text.Counts;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data import}: imports a batch event file in one transaction. Every line is validated; a bad line
 * (reported with its number) or any failure leaves the store as it was. Events whose {@code eventId} is already
 * stored are skipped, so importing a file twice keeps one copy.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import a batch event file (one JSON event per line) into an app, all or nothing.",
        "Progress is shown on a terminal; the summary line is always printed."})
final class ImportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Mixin
  private AppSelector target;

  @Option(names = {"--input", "-i"}, required = true, paramLabel = "FILE",
      description = "The batch event file (gzip detected), or - for standard input.")
  private String input;

  @Option(names = "--new-event-ids",
      description = {"Ignore the file's eventId values and give every event a new id, as PredictionIO 0.10's import"
          + " did: for files from a PredictionIO HBase event store, whose 43-character ids do not fit the 32"
          + " characters of the JDBC event table. Importing such a file twice then stores it twice."})
  private boolean newEventIds;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.open(spec, store)) {
      EventScope scope = target.resolve(events, console, Logger.IMPORT);
      EventFileSource file = input.equals("-")
          ? EventFileSource.ofStream(CliContext.of(spec).stdin()) : EventFileSource.of(input);
      EventFileSource source = newEventIds ? file.withNewEventIds() : file;
      ImportResult result;
      try {
        result = events.bulk().importEvents(scope, source, progressListener());
      } catch (InvalidBatchFileException e) {
        PrintWriter err = spec.commandLine().getErr();
        e.describeProblems().forEach(err::println);
        err.println(e.getMessage());
        return ExitCode.INVALID_DATA.code();
      }
      spec.commandLine().getOut().println(result.summary());
      return ExitCode.SUCCESS.code();
    }
  }

  private ImportListener progressListener() {
    if (!CliContext.of(spec).interactive()) {
      return ImportListener.NONE;
    }
    PrintWriter err = spec.commandLine().getErr();
    return progress -> {
      err.printf(Locale.ROOT, "\r%s read (%,.0f lines/s)%s", Counts.grouped(progress.linesRead(), "line"),
          progress.linesPerSecond(), progress.badLines() > 0 ? ", " + progress.badLines() + " bad" : "");
      err.flush();
    };
  }
}
