package io.piobuildpack.it.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one phase as a platform does: an argument vector in a working directory with exactly the given environment
 * (nothing inherited), standard input closed, standard output and error captured apart, bounded in time. A
 * {@link PhaseListener} sees each line as it is written, so a long build can be followed live.
 */
public final class PhaseRunner {

  private static final Duration POLL = Duration.ofMillis(100);

  private final Duration timeout;
  private final PhaseListener listener;

  /** @param timeout how long a phase may run before it and its descendants are killed */
  public PhaseRunner(Duration timeout) {
    this(timeout, PhaseListener.NONE);
  }

  /**
   * @param timeout how long a phase may run before it and its descendants are killed
   * @param listener told when each phase starts and of each line it writes, while it runs
   */
  public PhaseRunner(Duration timeout, PhaseListener listener) {
    this.timeout = timeout;
    this.listener = listener;
  }

  /**
   * Runs {@code command} in {@code workDir} with exactly {@code env}.
   *
   * @return the finished phase
   * @throws PhaseTimeoutException when it runs longer than the timeout (it is killed, descendants too)
   * @throws UncheckedIOException when the command cannot be started
   */
  public PhaseResult run(String phase, List<String> command, Path workDir, Map<String, String> env) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("pio-it-", ".out");
      err = Files.createTempFile("pio-it-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      builder.environment().clear();
      builder.environment().putAll(env);
      listener.started(phase);
      Instant start = Instant.now();
      Process process = builder.start();
      process.getOutputStream().close();
      if (!follow(phase, process, out, err, start.plus(timeout))) {
        Processes.killTree(process);
        throw new PhaseTimeoutException(phase, timeout, Files.readString(out, StandardCharsets.UTF_8)
            + Files.readString(err, StandardCharsets.UTF_8));
      }
      Duration took = Duration.between(start, Instant.now());
      return new PhaseResult(phase, command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8), took);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + phase + ": " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + phase + " ran", e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /**
   * Waits for the process until {@code deadline}, passing each complete new line of its output files to the
   * listener (the rest once it has exited).
   *
   * @return whether it exited before the deadline
   */
  private boolean follow(String phase, Process process, Path out, Path err, Instant deadline)
      throws IOException, InterruptedException {
    if (listener == PhaseListener.NONE) {
      return process.waitFor(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
          TimeUnit.MILLISECONDS);
    }
    try (LineFollower stdout = new LineFollower(out); LineFollower stderr = new LineFollower(err)) {
      while (true) {
        boolean exited = process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        stdout.newLines(exited).forEach(line -> listener.line(phase, line));
        stderr.newLines(exited).forEach(line -> listener.line(phase, line));
        if (exited) {
          return true;
        }
        if (Instant.now().isAfter(deadline)) {
          return false;
        }
      }
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is harmless
      }
    }
  }
}
