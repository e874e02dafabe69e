package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.text.Counts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data export}: writes every event of an app (or channel) as one JSON line each, in PredictionIO's
 * export format, streaming. The output file appears only when complete, and an existing file is never replaced.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export an app's events as a batch event file (PredictionIO's JSON export format).")
final class ExportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Mixin
  private AppSelector target;

  @Option(names = {"--output", "-o"}, required = true, paramLabel = "FILE",
      description = "The file to write (must not exist), or - for standard output.")
  private String output;

  @Override
  public Integer call() throws IOException {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.openExisting(spec, store)) {
      EventScope scope = target.resolve(events, console, Logger.EXPORT);
      if (output.equals("-")) {
        Writer out = spec.commandLine().getOut();
        events.bulk().exportEvents(scope, out);
        out.flush();
        return ExitCode.SUCCESS.code();
      }
      long count = exportToFile(events, scope, Path.of(output));
      spec.commandLine().getOut().println("Exported " + Counts.of(count, "event") + " to " + output + ".");
      return ExitCode.SUCCESS.code();
    }
  }

  private static long exportToFile(EventStore events, EventScope scope, Path target) {
    if (Files.exists(target)) {
      throw new CliException(ExitCode.OUTPUT_UNWRITABLE, target + ": already exists; remove it or choose another path");
    }
    Path directory = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(directory)) {
      throw new CliException(ExitCode.OUTPUT_UNWRITABLE, target + ": directory " + directory + " does not exist");
    }
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
      long count;
      try (Writer out = new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8), 1 << 16)) {
        count = events.bulk().exportEvents(scope, out);
      }
      moveIntoPlace(temporary, target);
      return count;
    } catch (IOException e) {
      throw new CliException(ExitCode.OUTPUT_UNWRITABLE, target + ": cannot write: " + e.getMessage(), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // best effort: a leftover .part file is harmless and named after the target
    }
  }
}
