package io.piobuildpack.hooks.packaged;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.postgres.FreshPostgresDatabase;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code pio-data.jar} (shaded, as the buildpack installs it) run as a separate process on a copy of
 * the sample engine app, configured the Heroku way through {@code DATABASE_URL}, against a real PostgreSQL: two
 * releases (initial load, then sync), then the events read back.
 */
@FreshPostgresDatabase
class PackagedPioDataIT {

  private static final Path JAR = Path.of("target", "pio-data.jar");
  private static final Path SAMPLE = Path.of("..", "samples", "engine");

  private static TestDatabase database;

  @TempDir
  Path app;

  @BeforeAll
  static void useDatabase(TestDatabase fresh) {
    database = fresh;
  }


  private CommandResult pioData(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    return ChildProcess.of(command).directory(app).unset("DATABASE_URL").env(env).run();
  }

  private void copySample() throws IOException {
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Path relative = SAMPLE.relativize(source);
        if (relative.startsWith(".pio_store") || relative.toString().startsWith("data/sync-events.json")) {
          continue;
        }
        Path target = app.resolve(relative.toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }

  @Test
  void packagedJarLoadsThenSyncsTheSampleAppIntoPostgresConfiguredByDatabaseUrl() throws Exception {
    copySample();
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", database.databaseUrl());
    env.put("PIO_POSTGRES_OPTIONAL_SSL", "true");
    env.put("DYNO", "release.1");
    env.put("PIO_EVENTSERVER_APP_NAME", "packaged-sample");
    env.put("PIO_EVENTSERVER_ACCESS_KEY", "packaged-sample-key-not-to-be-printed");

    CommandResult first = pioData(env, "load-data");
    CommandResult second = pioData(env, "load-data");
    CommandResult exported = pioData(env, "export", "--app", "packaged-sample", "--output", "-");
    CommandResult checkpoint = pioData(env, "checkpoint", "get", "sync", "--property", "lastUpdatedAt");

    assertThat(first).succeeded();
    assertThat(first.out()).contains("Imported 100 events (0 already present)").contains("Initial load complete.");
    assertThat(second).succeeded();
    assertThat(second.out()).contains("       syncing changes since 2017-04-14T18:12:20Z")
        .contains("Imported 3 events (0 already present)");
    assertThat(exported.out().lines()).hasSize(100 + 1 + 3);
    assertThat(checkpoint.out().trim()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    for (CommandResult run : List.of(first, second, exported, checkpoint)) {
      assertThat(run.out() + run.err()).doesNotContain("packaged-sample-key-not-to-be-printed")
          .doesNotContain("HikariPool").doesNotContain("Exception");
    }
  }

  @Test
  void packagedJarListsTheHooksCommandsAndExitCodesInItsHelp() throws Exception {
    CommandResult help = pioData(Map.of(), "--help");

    assertThat(help).succeeded();
    assertThat(help.out()).contains("load-data").contains("release").contains("checkpoint").contains("import")
        .contains("Exit codes:");
  }
}
