package io.piobuildpack.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process to completion with a time limit: standard output and error go to temporary files (a chatty
 * child can never block on a full pipe, and the limit holds even when it never closes its output), standard input is
 * the given text or empty. When the limit passes, the whole process tree is killed and {@link TimedOut} is thrown.
 *
 * <pre>{@code
 * CommandResult result = ChildProcess.of("sh", "-c", "exit 3").directory(dir).env("X", "1")
 *     .timeout(Duration.ofSeconds(30)).run();
 * }</pre>
 */
public final class ChildProcess {

  /** The time limit when none is given: two minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final List<String> command;
  private Path directory;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Set<String> unset = new TreeSet<>();
  private boolean clearEnvironment;
  private String stdin = "";
  private Duration timeout = DEFAULT_TIMEOUT;

  private ChildProcess(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    this.command = List.copyOf(command);
  }

  /** A child running this command line (program first), in the test's working directory and environment. */
  public static ChildProcess of(List<String> command) {
    return new ChildProcess(command);
  }

  /** A child running this command line (program first). */
  public static ChildProcess of(String... command) {
    return new ChildProcess(List.of(command));
  }

  /** Runs in this directory. */
  public ChildProcess directory(Path directory) {
    this.directory = directory;
    return this;
  }

  /** Sets (or overrides) this variable in the child's environment. */
  public ChildProcess env(String name, String value) {
    env.put(name, value);
    unset.remove(name);
    return this;
  }

  /** Sets (or overrides) these variables in the child's environment. */
  public ChildProcess env(Map<String, String> variables) {
    variables.forEach(this::env);
    return this;
  }

  /** Removes these variables from the inherited environment. */
  public ChildProcess unset(String... names) {
    for (String name : names) {
      unset.add(name);
      env.remove(name);
    }
    return this;
  }

  /** Starts from an empty environment instead of the test's (then adds the {@link #env} variables). */
  public ChildProcess clearEnvironment() {
    this.clearEnvironment = true;
    return this;
  }

  /** Writes this text (UTF-8) to the child's standard input, then closes it. Empty by default. */
  public ChildProcess stdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Kills the process tree and throws {@link TimedOut} when the child runs longer than this. */
  public ChildProcess timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  /**
   * Runs the child to completion.
   *
   * @return its exit code and output
   * @throws TimedOut when it ran longer than the time limit (the tree is killed first)
   * @throws UncheckedIOException when it cannot be started or its output cannot be read
   * @throws InterruptedException when the test thread is interrupted (the tree is killed first)
   */
  public CommandResult run() throws InterruptedException {
    Path in = null;
    Path out = null;
    Path err = null;
    try {
      in = Files.createTempFile("child", ".in");
      out = Files.createTempFile("child", ".out");
      err = Files.createTempFile("child", ".err");
      Files.writeString(in, stdin, StandardCharsets.UTF_8);
      Process process = start(in, out, err);
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        killTree(process);
        throw e;
      }
      if (!finished) {
        killTree(process);
        throw new TimedOut(command, timeout, Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      }
      return new CommandResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } finally {
      for (Path file : new Path[] {in, out, err}) {
        deleteQuietly(file);
      }
    }
  }

  /**
   * Starts the child without waiting, output to these files, for tests that talk to it while it runs; stop it with
   * {@link #killTree(Process)}.
   */
  public Process start(Path stdinFile, Path stdoutFile, Path stderrFile) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
        .redirectInput(stdinFile.toFile()).redirectOutput(stdoutFile.toFile()).redirectError(stderrFile.toFile());
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    if (clearEnvironment) {
      builder.environment().clear();
    }
    builder.environment().keySet().removeAll(unset);
    builder.environment().putAll(env);
    return builder.start();
  }

  /**
   * Kills the process and every descendant (children first, so none is re-parented and left running), then waits
   * up to ten seconds for the process to be gone. Safe to call on a process that has already ended.
   */
  public static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  /** The child ran longer than its time limit and was killed with its descendants. */
  public static final class TimedOut extends AssertionError {
    private final transient List<String> command;

    TimedOut(List<String> command, Duration timeout, String out, String err) {
      super(command + " did not finish within " + timeout.toSeconds() + " s and was killed with its children"
          + "\n--- stdout so far ---\n" + out + "--- stderr so far ---\n" + err);
      this.command = command;
    }

    /** The command line that timed out. */
    public List<String> command() {
      return command;
    }
  }
}
