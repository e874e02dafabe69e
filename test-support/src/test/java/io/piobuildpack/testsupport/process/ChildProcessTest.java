package io.piobuildpack.testsupport.process;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  @TempDir
  Path dir;

  @Test
  void capturesExitCodeBothStreamsAndReadsStandardInput() throws Exception {
    CommandResult result = ChildProcess.of("sh", "-c", "read line; echo \"got $line\"; echo oops >&2; exit 3")
        .stdin("hello\n").run();

    assertThat(result).exitedWith(3).stdoutIsEqualTo("got hello\n").stderrIsEqualTo("oops\n");
  }

  @Test
  void runsInTheDirectoryWithAddedAndRemovedVariables() throws Exception {
    CommandResult result = ChildProcess.of("sh", "-c", "pwd; echo \"${ADDED}\"; echo \"${HOME-unset}\"")
        .directory(dir).env("ADDED", "yes").unset("HOME").run();

    assertThat(result).succeeded().stdoutLines().containsExactly(dir.toRealPath().toString(), "yes", "unset");
  }

  @Test
  void aClearedEnvironmentHoldsOnlyTheGivenVariables() throws Exception {
    CommandResult result = ChildProcess.of("/usr/bin/env").clearEnvironment().env("ONLY", "1").run();

    assertThat(result).succeeded().stdoutIsEqualTo("ONLY=1\n");
  }

  @Test
  void aChildRunningPastItsLimitIsKilledWithItsChildren() throws Exception {
    Path pid = dir.resolve("grandchild.pid");
    ChildProcess sleeper = ChildProcess.of("sh", "-c", "sleep 300 & echo $! > " + pid + "; echo started; wait")
        .timeout(Duration.ofSeconds(2));

    assertThatThrownBy(sleeper::run).isInstanceOf(ChildProcess.TimedOut.class)
        .hasMessageContaining("did not finish within 2 s").hasMessageContaining("started");

    Optional<ProcessHandle> grandchild = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()));
    if (grandchild.isPresent()) {
      assertThat(grandchild.get().onExit().get().isAlive()).as("the grandchild was killed").isFalse();
    }
  }
}
