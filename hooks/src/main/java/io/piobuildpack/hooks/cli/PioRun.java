package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.CliContext;
import io.piobuildpack.core.cli.CliException;
import io.piobuildpack.core.cli.ExitCode;
import io.piobuildpack.core.config.EnvironmentVariableException;
import io.piobuildpack.hooks.launch.ContainerMemory;
import io.piobuildpack.hooks.launch.DeploySettings;
import io.piobuildpack.hooks.launch.InsufficientMemoryException;
import io.piobuildpack.hooks.launch.InvalidOptionsException;
import io.piobuildpack.hooks.launch.MissingSettingsException;
import io.piobuildpack.hooks.launch.PioCommandLines;
import io.piobuildpack.hooks.launch.PioLaunchSettings;
import io.piobuildpack.hooks.launch.ProgramLocator;
import io.piobuildpack.hooks.launch.SparkDriverMemory;
import io.piobuildpack.hooks.launch.TrainSettings;
import io.piobuildpack.hooks.process.ProcessRunner;
import io.piobuildpack.hooks.process.ProcessSpec;
import io.piobuildpack.hooks.process.ProcessStartException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds a {@code pio train}/{@code pio deploy} command line and runs the real PredictionIO {@code pio}, its
 * output passed through, its exit code returned. Settings are read once, and a problem with them fails before
 * anything runs.
 */
final class PioRun {

  /** A launched pio runs as long as it needs (deploy serves until stopped). */
  private static final Duration NO_TIMEOUT = Duration.ofDays(3650);

  private PioRun() {}

  /**
   * Reads settings before any work starts; a problem ends the command with exit 1 and the message (options and
   * missing variables worded as the original launchers: {@code ERROR: ...}).
   */
  static <S> S settings(Supplier<S> reader) {
    try {
      return reader.get();
    } catch (MissingSettingsException | InvalidOptionsException e) {
      throw new CliException(ExitCode.INVALID_DATA, "ERROR: " + e.getMessage());
    } catch (EnvironmentVariableException e) {
      throw new CliException(ExitCode.INVALID_DATA, e.getMessage());
    }
  }

  private static int run(CommandSpec spec, String purpose, PioLaunchSettings settings,
      Function<PioCommandLines, List<String>> commandLine) {
    CliContext context = CliContext.of(spec);
    PrintWriter out = spec.commandLine().getOut();
    List<String> argv;
    try {
      String pio = ProgramLocator.pio(context.env()).map(Path::toString).orElseThrow(() -> new CliException(
          ExitCode.NOT_FOUND, "PredictionIO's pio was not found: set PIO_HOME or put PredictionIO-dist/bin on"
              + " PATH (the buildpack does both)"));
      argv = commandLine.apply(new PioCommandLines(pio, driverMemory(settings, out)));
    } catch (InsufficientMemoryException e) {
      throw new CliException(ExitCode.INVALID_DATA, "ERROR: " + e.getMessage());
    }
    out.println("Running " + purpose + ": " + String.join(" ", redacted(argv)));
    out.flush();
    ProcessSpec process = new ProcessSpec("pio", argv, context.workingDirectory(), context.env().asMap(),
        NO_TIMEOUT);
    try {
      return new ProcessRunner(line -> {
        out.println(line);
        out.flush();
      }).run(process);
    } catch (ProcessStartException e) {
      throw new CliException(ExitCode.NOT_FOUND, e.getMessage());
    }
  }

  /** {@code pio train}: settings first, then the run. */
  static int train(CommandSpec spec) {
    return train(spec, trainSettings(spec));
  }

  /** Reads and checks the settings of {@code pio train}; exit 1 when they cannot be used. */
  static TrainSettings trainSettings(CommandSpec spec) {
    return settings(() -> TrainSettings.from(CliContext.of(spec).env()));
  }

  /** {@code pio train} with settings read before. */
  static int train(CommandSpec spec, TrainSettings settings) {
    return run(spec, "train", settings, lines -> lines.train(settings));
  }

  /** {@code pio deploy}: settings first, then the run. */
  static int deploy(CommandSpec spec) {
    DeploySettings settings = settings(() -> DeploySettings.from(CliContext.of(spec).env()));
    return run(spec, "deploy", settings, lines -> lines.deploy(settings));
  }

  private static OptionalLong driverMemory(PioLaunchSettings settings, PrintWriter out) {
    OptionalLong override = settings.containerMemoryMebibytes();
    Optional<ContainerMemory.Limit> limit = override.isPresent()
        ? Optional.of(new ContainerMemory.Limit(override.getAsLong() * 1024 * 1024,
            PioLaunchSettings.CONTAINER_MEMORY_MB))
        : ContainerMemory.system().detect();
    if (limit.isEmpty()) {
      return OptionalLong.empty();
    }
    long mebibytes = SparkDriverMemory.driverMebibytes(limit.get());
    out.println("Spark driver memory default: " + mebibytes + "m (from " + limit.get().source() + ")");
    return OptionalLong.of(mebibytes);
  }

  /** The command line as logged: the value after {@code --accesskey} is hidden. */
  private static List<String> redacted(List<String> argv) {
    return IntStream.range(0, argv.size())
        .mapToObj(i -> i > 0 && argv.get(i - 1).equals("--accesskey") ? "****" : argv.get(i))
        .toList();
  }
}
