package io.piobuildpack.it.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process of a deployment (a dyno's {@code web}, a container's {@code eventserver}) with its output
 * (standard output and error together, as {@code heroku logs} shows them) in a log file. Close it to stop it and
 * its descendants.
 */
public final class RunningProcess implements AutoCloseable {

  private final String type;
  private final List<String> command;
  private final Process process;
  private final Path log;
  private final int port;

  private RunningProcess(String type, List<String> command, Process process, Path log, int port) {
    this.type = type;
    this.command = List.copyOf(command);
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code command} in {@code workDir} with exactly {@code env}, its output going to {@code log}.
   *
   * @param port the port the process is expected to listen on ({@code PORT}), 0 when none
   * @throws UncheckedIOException when it cannot be started
   */
  public static RunningProcess start(String type, List<String> command, Path workDir, Map<String, String> env,
      Path log, int port) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      return new RunningProcess(type, command, process, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + type + " process: " + command, e);
    }
  }

  /**
   * Waits until something accepts TCP connections on {@code 127.0.0.1:port}, as Heroku's router waits for a web
   * dyno to bind {@code PORT} (https://devcenter.heroku.com/articles/error-codes#r10-boot-timeout).
   *
   * @return whether it listened within {@code timeout}; false as soon as the process exits
   */
  public boolean awaitListening(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        return false;
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(100));
      }
    }
    return false;
  }

  /** The process type ({@code web}, {@code eventserver}). */
  public String type() {
    return type;
  }

  /** The argument vector started. */
  public List<String> command() {
    return command;
  }

  /** The port it should listen on, 0 when none. */
  public int port() {
    return port;
  }

  /** Whether it still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Its exit code; only once it has exited. */
  public int exitCode() {
    return process.exitValue();
  }

  /** Waits up to {@code timeout} for it to exit on its own; whether it did. */
  public boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What it printed so far (standard output and error, interleaved as written). */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  /**
   * Kills it and its descendants at once (SIGKILL), as a cancelled build or an out-of-memory kill ends a process:
   * no handler runs, nothing is cleaned up. Returns when it has exited (or after 10 s).
   */
  public void kill() {
    Processes.killTree(process);
  }

  /** Stops it and its descendants (SIGTERM, then SIGKILL after the grace period). */
  @Override
  public void close() {
    if (process.isAlive()) {
      Processes.stopTree(process);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
