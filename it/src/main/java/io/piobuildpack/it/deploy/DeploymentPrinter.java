package io.piobuildpack.it.deploy;

import io.piobuildpack.it.deploy.Deployment.StartedProcess;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.store.StoreReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Prints a deployment for a person: each phase's output under a {@code =====> <phase>} header, then a summary of
 * phases, exit codes and times, processes started, the event store's apps and events, and the app's size. Config
 * var values are never printed; the store is shown by {@code EventStore.describe()}, which hides passwords.
 */
public final class DeploymentPrinter {

  private final PrintStream out;

  /** @param out where to print (UTF-8 text) */
  public DeploymentPrinter(PrintStream out) {
    this.out = out;
  }

  /** Every phase's output, in order. */
  public void printPhases(Deployment deployment) {
    printPhases(deployment, Set.of());
  }

  /**
   * The output of every phase not in {@code alreadyShown} (those were printed live, {@link LivePhasePrinter}), in
   * order, then the started processes' logs so far.
   */
  public void printPhases(Deployment deployment, Set<String> alreadyShown) {
    for (PhaseResult phase : deployment.phases()) {
      if (alreadyShown.contains(phase.phase())) {
        continue;
      }
      out.printf("=====> %s (exit %d, %s)%n", phase.phase(), phase.exitCode(), seconds(phase.duration()));
      String output = phase.output();
      out.print(output);
      if (!output.isEmpty() && !output.endsWith("\n")) {
        out.println();
      }
    }
    for (StartedProcess started : deployment.processes()) {
      out.printf("=====> %s process (%s)%n", started.process().type(), listening(started));
      String log = started.process().log();
      out.print(log);
      if (!log.isEmpty() && !log.endsWith("\n")) {
        out.println();
      }
    }
  }

  /** The summary table. */
  public void printSummary(Deployment deployment, StoreReport store) {
    out.printf("%nSummary: %s deployment %d (app at %s%s)%n", deployment.platform(), deployment.number(),
        deployment.appDir(), deployment.sourceVersion().map(v -> ", commit " + v.substring(0, 7)).orElse(""));
    out.printf("  %-20s %5s %10s%n", "phase", "exit", "time");
    for (PhaseResult phase : deployment.phases()) {
      out.printf("  %-20s %5d %10s%n", phase.phase(), phase.exitCode(), seconds(phase.duration()));
    }
    if (deployment.processes().isEmpty()) {
      out.printf("  %-20s %s%n", "processes", "none started");
    }
    for (StartedProcess started : deployment.processes()) {
      out.printf("  %-20s %s%n", started.process().type() + " process", listening(started));
    }
    out.printf("  %-20s %s%n", "event store", store.store());
    for (StoreReport.AppEvents app : store.apps()) {
      out.printf("  %-20s %s (id %d): %d events%n", "app", app.name(), app.id(), app.events());
    }
    out.printf("  %-20s %s%n", "size", megabytes(deployment.appBytes()));
    out.printf("  %-20s %s in %s%n", "result", deployment.succeeded() ? "deployed" : "FAILED",
        seconds(deployment.took()));
  }

  private static String listening(StartedProcess started) {
    return started.listening() ? "listening on 127.0.0.1:" + started.process().port()
        : "did NOT bind port " + started.process().port()
            + (started.process().isAlive() ? "" : " (exited " + started.process().exitCode() + ")");
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
