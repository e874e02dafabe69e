package io.piobuildpack.hooks.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

  @TempDir
  Path dir;

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final ProcessRunner runner = new ProcessRunner(lines::add);

  private Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private ProcessSpec spec(Path program, Map<String, String> extra, Duration timeout) {
    Map<String, String> env = new HashMap<>(Map.of("PATH", System.getenv("PATH")));
    env.putAll(extra);
    return new ProcessSpec(program.getFileName().toString(), List.of(program.toString()), dir, env, timeout);
  }

  @Test
  void runWhenProgramSucceedsStreamsStdoutAndStderrLinesAndReturnsZero() throws IOException {
    Path hook = script("hook", "echo one\necho two >&2\nprintf 'three'\n");

    int code = runner.run(spec(hook, Map.of(), Duration.ofSeconds(10)));

    assertThat(code).isZero();
    assertThat(lines).containsExactly("one", "two", "three");
  }

  @Test
  void runWhenProgramExitsNonZeroReturnsItsCode() throws IOException {
    Path hook = script("hook", "exit 3\n");

    assertThat(runner.run(spec(hook, Map.of(), Duration.ofSeconds(10)))).isEqualTo(3);
  }

  @Test
  void runPassesExactlyTheGivenEnvironmentAndWorkingDirectoryWithoutShellEvaluation() throws IOException {
    Path hook = script("hook", "echo \"$PIO_X\"\npwd\necho \"home=$HOME\"\n");

    runner.run(spec(hook, Map.of("PIO_X", "$(echo injected) `id`"), Duration.ofSeconds(10)));

    assertThat(lines).containsExactly("$(echo injected) `id`", dir.toRealPath().toString(), "home=");
  }

  @Test
  void runWhenProgramHangsKillsItAndItsChildrenAtTheTimeout() throws IOException {
    Path pidFile = dir.resolve("child.pid");
    Path hook = script("hook", "sleep 600 &\necho $! > " + pidFile + "\necho started\nwait\n");

    assertThatThrownBy(() -> runner.run(spec(hook, Map.of(), Duration.ofMillis(1500))))
        .isInstanceOf(ProcessTimeoutException.class)
        .hasMessage("hook did not finish within 1 s and was stopped");

    long childPid = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(isRunning(childPid)).as("child %d still running", childPid).isFalse();
    assertThat(lines).contains("started");
  }

  /** Running = exists and is not a zombie (killed processes may wait to be reaped by their new parent). */
  private static boolean isRunning(long pid) throws IOException {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!Files.exists(stat)) {
      return false;
    }
    String content = Files.readString(stat);
    char state = content.charAt(content.lastIndexOf(')') + 2);
    return state != 'Z' && state != 'X';
  }

  @Test
  void runWhenProgramIsNotExecutableThrowsStartException() throws IOException {
    Path hook = dir.resolve("hook");
    Files.writeString(hook, "#!/bin/sh\necho hi\n");

    assertThatThrownBy(() -> runner.run(spec(hook, Map.of(), Duration.ofSeconds(10))))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageStartingWith("hook could not be started: error=13");
  }
}
