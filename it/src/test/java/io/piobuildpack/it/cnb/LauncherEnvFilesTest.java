package io.piobuildpack.it.cnb;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.cnb.EnvFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The env-file rules the launch emulation ({@link CnbLifecycle#applyEnvDir}) applies and the buildpack's
 * {@link EnvFiles} relies on, from the Buildpack API 0.10 spec and lifecycle's env package: override, default,
 * prepend/append with {@code .delim}, and no separator at all without a {@code .delim} file.
 */
class LauncherEnvFilesTest {

  @TempDir Path layer;

  @Test
  void overrideDefaultAndPrependFollowTheSpec() throws Exception {
    EnvFiles.launch(layer).override("JAVA_HOME", "/layers/jdk").defaultValue("PIO_RUN_AS_EVENTSERVER", "true")
        .defaultValue("KEPT", "from-layer").prepend("PATH", "/layers/jdk/bin", ":");
    Map<String, String> env = new TreeMap<>(Map.of("JAVA_HOME", "/usr/lib/jvm/17", "KEPT", "user",
        "PATH", "/usr/bin:/bin"));

    CnbLifecycle.applyEnvDir(env, layer.resolve("env.launch"));

    assertThat(env).containsEntry("JAVA_HOME", "/layers/jdk")
        .containsEntry("PIO_RUN_AS_EVENTSERVER", "true")
        .containsEntry("KEPT", "user")
        .containsEntry("PATH", "/layers/jdk/bin:/usr/bin:/bin");
  }

  @Test
  void filesAreWrittenWithoutATrailingNewline() throws Exception {
    EnvFiles.launch(layer).override("PIO_HOME", "/layers/pio/dist");

    assertThat(Files.readString(layer.resolve("env.launch/PIO_HOME.override"))).isEqualTo("/layers/pio/dist");
  }

  @Test
  void prependWithoutDelimFileJoinsWithNoSeparator() throws Exception {
    Path dir = Files.createDirectories(layer.resolve("env.launch"));
    Files.writeString(dir.resolve("PATH.prepend"), "/a");
    Map<String, String> env = new TreeMap<>(Map.of("PATH", "/b"));

    CnbLifecycle.applyEnvDir(env, dir);

    assertThat(env).containsEntry("PATH", "/a/b");
  }
}
