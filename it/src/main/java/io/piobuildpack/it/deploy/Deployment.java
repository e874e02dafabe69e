package io.piobuildpack.it.deploy;

import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.RunningProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One deployment's outcome, whichever platform ran it.
 *
 * @param platform {@code heroku} or {@code cnb}
 * @param number the deployment's number for this app, from 1 (Heroku's release version {@code v<n>})
 * @param appDir where the app runs (the unpacked slug, the CNB workspace)
 * @param sourceVersion the deployed commit, when the app is a git repository
 * @param phases every phase that ran, in order; the deployment stopped at the first that failed
 * @param processes the long-running processes started (web, eventserver), still running until closed
 * @param appBytes the size of what runs (the slug, the launch layers and workspace), in bytes
 * @param took wall-clock time of the whole deployment
 */
public record Deployment(String platform, int number, Path appDir, Optional<String> sourceVersion,
    List<PhaseResult> phases, List<StartedProcess> processes, long appBytes, Duration took) implements AutoCloseable {

  public Deployment {
    phases = List.copyOf(phases);
    processes = List.copyOf(processes);
  }

  /** A process started by the deployment, and whether it bound its port within the boot timeout. */
  public record StartedProcess(RunningProcess process, boolean listening) {}

  /** Whether every phase exited 0 and every started process listened. */
  public boolean succeeded() {
    return phases.stream().allMatch(PhaseResult::succeeded) && processes.stream().allMatch(StartedProcess::listening);
  }

  /** The phase of that name ({@code bin/compile}, {@code release process}...), if it ran. */
  public Optional<PhaseResult> phase(String name) {
    return phases.stream().filter(p -> p.phase().equals(name)).findFirst();
  }

  /**
   * The phase of that name.
   *
   * @throws IllegalStateException when it did not run (an earlier one failed), naming the phases that ran
   */
  public PhaseResult require(String name) {
    return phase(name).orElseThrow(() -> new IllegalStateException(name + " did not run; ran: "
        + phases.stream().map(p -> p.phase() + "=" + p.exitCode()).toList()));
  }

  /** The started process of that type, if any. */
  public Optional<StartedProcess> process(String type) {
    return processes.stream().filter(p -> p.process().type().equals(type)).findFirst();
  }

  /** Stops every started process. */
  @Override
  public void close() {
    processes.forEach(p -> p.process().close());
  }
}
