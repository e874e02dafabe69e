package io.piobuildpack.testsupport.app;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingPioTest {

  @TempDir
  Path bin;

  @TempDir
  Path engine;

  private CommandResult pio(RecordingPio pio, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", "-c", "pio \"$@\"", "pio"));
    command.addAll(List.of(args));
    return ChildProcess.of(command).env(env).env("PATH", pio.path()).directory(engine).run();
  }

  @Test
  void recordsEveryCallsArgumentsAndSelectedVariables() throws Exception {
    RecordingPio pio = RecordingPio.create(bin, "PIO_EVENTSERVER_APP_NAME", "NOT_SET_HERE");
    Map<String, String> env = new HashMap<>(Map.of("PIO_EVENTSERVER_APP_NAME", "app one"));

    assertThat(pio(pio, env, "train", "--", "--driver-memory", "768m")).succeeded().stdoutIsEqualTo("pio-ran\n");
    env.put("PIO_STANDIN_EXIT", "7");
    assertThat(pio(pio, env, "deploy", "--port", "5000")).exitedWith(7);

    assertThat(pio.calls()).containsExactly("train -- --driver-memory 768m", "deploy --port 5000");
    assertThat(pio.environments()).hasSize(2);
    assertThat(pio.environments().get(0)).containsEntry("PIO_EVENTSERVER_APP_NAME", "app one")
        .containsEntry("NOT_SET_HERE", null);
  }

  @Test
  void buildLeavesAnEngineAssemblyJarAsARealBuildWould() throws Exception {
    RecordingPio pio = RecordingPio.create(bin, "2.11", "my-engine", List.of());

    assertThat(pio(pio, Map.of(), "build", "--verbose")).succeeded();

    Path jar = engine.resolve("target/scala-2.11/my-engine-assembly-0.1.0.jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Implementation-Title")).isEqualTo("my-engine");
      assertThat(file.getEntry("engine.txt")).isNotNull();
    }
    assertThat(pio.calls()).containsExactly("build --verbose");
  }

  @Test
  void noCallsBeforeTheFirstRun() {
    assertThat(RecordingPio.create(bin).calls()).isEmpty();
  }
}
