package io.piobuildpack.it.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseRunnerTest {

  private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

  @TempDir Path temp;

  @Test
  void theListenerGetsEachLineWhileThePhaseStillRuns() {
    Path seen = temp.resolve("seen");
    List<String> events = new CopyOnWriteArrayList<>();
    PhaseListener listener = new PhaseListener() {
      @Override
      public void started(String phase) {
        events.add("started " + phase);
      }

      @Override
      public void line(String phase, String line) {
        events.add(phase + ": " + line);
        if (line.equals("first")) {
          touch(seen); // the script waits for this before it goes on: it ends only if lines arrive live
        }
      }
    };
    String script = "echo first; while [ ! -f '" + seen + "' ]; do sleep 0.05; done; echo warning >&2; printf last";

    PhaseResult result = new PhaseRunner(Duration.ofSeconds(20), listener)
        .run("bin/compile", List.of("/bin/sh", "-c", script), temp, ENV);

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("first\nlast");
    assertThat(result.stderr()).isEqualTo("warning\n");
    assertThat(events).containsExactlyInAnyOrder("started bin/compile", "bin/compile: first",
        "bin/compile: warning", "bin/compile: last");
    assertThat(events.get(0)).isEqualTo("started bin/compile");
    assertThat(events.get(1)).isEqualTo("bin/compile: first");
  }

  @Test
  void aPhasePastItsTimeLimitIsKilledAndReportedWithWhatItPrinted() {
    PhaseRunner runner = new PhaseRunner(Duration.ofMillis(500), PhaseListener.NONE);

    assertThatThrownBy(() -> runner.run("bin/compile", List.of("/bin/sh", "-c", "echo started; exec sleep 30"),
        temp, ENV))
        .isInstanceOf(PhaseTimeoutException.class)
        .hasMessage("bin/compile did not finish within 500 ms and was killed")
        .satisfies(e -> assertThat(((PhaseTimeoutException) e).output()).isEqualTo("started\n"));
  }

  private static void touch(Path file) {
    try {
      Files.writeString(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
