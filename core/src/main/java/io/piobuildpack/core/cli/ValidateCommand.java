package io.piobuildpack.core.cli;

import io.piobuildpack.core.batch.BatchEventReader;
import io.piobuildpack.core.batch.BatchValidation;
import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.batch.LineProblems;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.config.StorageSettingsResolver;
import io.piobuildpack.core.event.json.EventJsonReader;
import io.piobuildpack.core.store.jdbc.StorableEventCheck;
import io.piobuildpack.core.text.Counts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data validate}: checks a batch event file with the rules {@code pio-data import} applies: PredictionIO's
 * validation, then the limits of the event store (id length always; the indexed table's column length with
 * {@code INDEX=enabled}; no U+0000 on PostgreSQL). The store's limits come from its settings, without connecting;
 * when no database is configured, the summary names the PostgreSQL limit that was not checked.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a batch event file (one JSON event per line, PredictionIO's import format) without importing it.",
      "Every bad line is reported as FILE:LINE: FIELD: REASON on standard error; blank lines are skipped;"
          + " gzip files are read as such.",
      "The same rules as import: the configured store's limits are checked without connecting to it."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = {"--input", "-i"}, required = true, paramLabel = "FILE",
      description = "The batch event file, or - for standard input.")
  private String input;

  @Mixin
  private StoreOptions store;

  @Option(names = "--new-event-ids",
      description = "Ignore the file's eventId values, as import --new-event-ids does.")
  private boolean newEventIds;

  @Option(names = "--max-errors", paramLabel = "N", defaultValue = "" + LineProblems.DEFAULT_CAP,
      description = "Report at most N bad lines one by one, then only count the rest (default: ${DEFAULT-VALUE}).")
  private int maxErrors;

  @Override
  public Integer call() {
    if (maxErrors < 1) {
      throw new CliException(ExitCode.USAGE, "--max-errors must be at least 1, not " + maxErrors);
    }
    BatchValidation.Result result;
    StorageSettings settings = StoreConnector.resolvedSettings(spec, store);
    boolean databaseConfigured = !settings.origin().equals(StorageSettingsResolver.EMBEDDED_ORIGIN);
    EventFileSource source = input.equals("-")
        ? EventFileSource.ofStream(CliContext.of(spec).stdin()) : EventFileSource.of(input);
    try (BatchEventReader reader = BatchEventReader.open(newEventIds ? source.withNewEventIds() : source,
        EventJsonReader.standard())) {
      result = BatchValidation.validate(reader, maxErrors, StorableEventCheck.of(settings));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (result.isValid()) {
      out.println(Counts.of(result.validEvents(), "event") + " OK" + (databaseConfigured ? ""
          : " (no database configured, so PostgreSQL's limit was not checked: no U+0000 in text fields; give"
              + " --database-url or set DATABASE_URL to check it)"));
      return ExitCode.SUCCESS.code();
    }
    result.problems().describe(result.fileLabel()).forEach(err::println);
    long bad = result.problems().count();
    err.println(result.fileLabel() + ": " + bad + " bad line" + (bad == 1 ? "" : "s") + ", "
        + result.validEvents() + " valid event" + (result.validEvents() == 1 ? "" : "s")
        + "; nothing would be imported");
    return ExitCode.INVALID_DATA.code();
  }
}
