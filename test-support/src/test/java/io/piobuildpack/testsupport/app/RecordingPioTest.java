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

  @Test
  void aFragmentRunsForItsSubcommandAfterTheCallIsRecorded() throws Exception {
    RecordingPio pio = RecordingPio.builder(bin).on("train", "echo \"training with $#\"; exit 5").create();

    assertThat(pio(pio, Map.of(), "train", "--", "--driver-memory", "1g")).exitedWith(5)
        .stdoutIsEqualTo("training with 4\n");
    assertThat(pio(pio, Map.of(), "deploy")).succeeded().stdoutIsEqualTo("pio-ran\n");

    assertThat(pio.calls()).containsExactly("train -- --driver-memory 1g", "deploy");
    assertThat(pio.script()).contains("training with");
  }

  @Test
  void namesStartingWithAPrefixAreRecordedWithoutTheirValues() throws Exception {
    RecordingPio pio = RecordingPio.builder(bin).record(List.of("PORT"))
        .recordNamesStartingWith("PIO_STORAGE_").create();
    Map<String, String> env = Map.of("PIO_STORAGE_SOURCES_PGSQL_PASSWORD", "secret",
        "PIO_STORAGE_REPOSITORIES_EVENTDATA_SOURCE", "PGSQL", "PORT", "5000");

    assertThat(pio(pio, env, "deploy")).succeeded();
    assertThat(pio(pio, Map.of(), "build")).succeeded();

    assertThat(pio.environments().get(0)).containsEntry("PORT", "5000").containsEntry("PIO_STORAGE_*",
        "PIO_STORAGE_REPOSITORIES_EVENTDATA_SOURCE PIO_STORAGE_SOURCES_PGSQL_PASSWORD");
    assertThat(pio.environments().get(1)).containsEntry("PIO_STORAGE_*", "");
    assertThat(String.join("\n", pio.environments().toString())).doesNotContain("secret");
  }
}
