package io.piobuildpack.core.cli;

import io.piobuildpack.core.batch.BatchEventReader;
import io.piobuildpack.core.batch.BatchValidation;
import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.batch.LineProblems;
import io.piobuildpack.core.event.json.EventJsonReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pio-data validate}: checks a batch event file exactly as {@code pio import} would read it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a batch event file (one JSON event per line, PredictionIO's import format) without importing it.",
      "Every bad line is reported as FILE:LINE: FIELD: REASON on standard error; blank lines are skipped;"
          + " gzip files are read as such."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = {"--input", "-i"}, required = true, paramLabel = "FILE",
      description = "The batch event file, or - for standard input.")
  private String input;

  @Option(names = "--max-errors", paramLabel = "N", defaultValue = "" + LineProblems.DEFAULT_CAP,
      description = "Report at most N bad lines one by one, then only count the rest (default: ${DEFAULT-VALUE}).")
  private int maxErrors;

  @Override
  public Integer call() {
    if (maxErrors < 1) {
      throw new CliException(ExitCode.USAGE, "--max-errors must be at least 1, not " + maxErrors);
    }
    BatchValidation.Result result;
    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.of(input), EventJsonReader.standard())) {
      result = BatchValidation.validate(reader, maxErrors);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (result.isValid()) {
      out.println(result.validEvents() + " events OK");
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
