package io.piobuildpack.hooks.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs one program from a {@link ProcessSpec}: argv as given (no shell), standard error merged into standard
 * output, every output line handed to a consumer as soon as it is written, and on timeout the whole process
 * tree killed. "Could not start" and "timed out" are distinct exceptions; a non-zero exit is a result.
 */
public final class ProcessRunner {

  private static final long KILL_GRACE_MILLIS = 2_000;
  private static final long OUTPUT_DRAIN_MILLIS = 5_000;

  private final Consumer<String> output;

  /** @param output receives each output line of the program, without its line terminator */
  public ProcessRunner(Consumer<String> output) {
    this.output = output;
  }

  /**
   * Runs the program to its end and returns its exit code.
   *
   * @throws ProcessStartException when it cannot be started
   * @throws ProcessTimeoutException when it exceeds its timeout (it has been killed)
   */
  public int run(ProcessSpec spec) {
    Process process = start(spec);
    Thread pump = new Thread(() -> pump(process), spec.name() + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      boolean finished = process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        killTree(process);
        pump.join(KILL_GRACE_MILLIS);
        throw new ProcessTimeoutException(spec.name(), spec.timeout());
      }
      // A background child that inherited the output may keep it open; do not wait for it forever.
      pump.join(OUTPUT_DRAIN_MILLIS);
      return process.exitValue();
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new ProcessTimeoutException(spec.name(), spec.timeout());
    }
  }

  private static Process start(ProcessSpec spec) {
    ProcessBuilder builder = new ProcessBuilder(spec.argv())
        .directory(spec.directory().toFile())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new ProcessStartException(spec.name(), reason(e), e);
    }
  }

  private void pump(Process process) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.accept(line);
      }
    } catch (IOException e) {
      // The stream closes when the process tree is killed; nothing more to read.
    }
  }

  /** Kills the descendants first (so none is re-parented and survives), then the process itself. */
  private static void killTree(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      for (ProcessHandle descendant : descendants) {
        descendant.onExit().get(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Killed but not yet reaped by its new parent; SIGKILL cannot be ignored, so it is gone.
    }
  }

  private static String reason(IOException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int detail = message.indexOf("error=");
    return detail >= 0 ? message.substring(detail) : message;
  }
}
