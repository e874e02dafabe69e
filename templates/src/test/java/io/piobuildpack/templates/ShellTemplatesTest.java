package io.piobuildpack.templates;

import static io.piobuildpack.templates.Values.hostile;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.templates.model.ExecD;
import io.piobuildpack.templates.model.PioCommandLauncher;
import io.piobuildpack.templates.model.PioDataLauncher;
import io.piobuildpack.templates.model.PioEnv;
import io.piobuildpack.templates.model.PioJava;
import io.piobuildpack.templates.model.PioPath;
import io.piobuildpack.templates.model.RuntimeHook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden files of the shell templates, and each one run or sourced by {@code sh} with its values read back. */
class ShellTemplatesTest {

  private static final List<String> PIO_ENV_NAMES = List.of("SPARK_HOME", "POSTGRES_JDBC_DRIVER", "ES_CONF_DIR",
      "HADOOP_CONF_DIR", "PIO_FS_BASEDIR", "PIO_STORAGE_REPOSITORIES_METADATA_SOURCE",
      "PIO_STORAGE_REPOSITORIES_EVENTDATA_NAME", "PIO_STORAGE_SOURCES_PGSQL_TYPE", "PIO_STORAGE_SOURCES_PGSQL_INDEX",
      "PIO_STORAGE_SOURCES_PGSQL_PARTITIONS", "PIO_STORAGE_SOURCES_PGSQL_CONNECTIONS",
      "PIO_STORAGE_SOURCES_ELASTICSEARCH_TYPE", "PIO_STORAGE_SOURCES_ELASTICSEARCH_HOME", "rc");

  private final TemplateEngine engine = new TemplateEngine();

  @TempDir
  Path dir;

  @Test
  void pioEnvWithOrdinaryValuesMatchesGoldenAndSetsPredictionIoStorage() throws Exception {
    String text = engine.render(Templates.PIO_ENV,
        new PioEnv("vendors/spark-hadoop", "lib/postgresql_jdbc.jar", true, 4, 8, Optional.empty()));
    Golden.assertMatches("pio-env.sh.ordinary", text);

    Map<String, String> vars = Shell.sourceAndRead(Shell.write(dir, "pio-env.sh", text),
        Map.of("PIO_HOME", "/app/PredictionIO-dist", "HOME", "/app"), PIO_ENV_NAMES);

    assertThat(vars).containsEntry("SPARK_HOME", "/app/PredictionIO-dist/vendors/spark-hadoop")
        .containsEntry("POSTGRES_JDBC_DRIVER", "/app/PredictionIO-dist/lib/postgresql_jdbc.jar")
        .containsEntry("ES_CONF_DIR", "/app/PredictionIO-dist/conf")
        .containsEntry("HADOOP_CONF_DIR", "/app/PredictionIO-dist/conf")
        .containsEntry("PIO_FS_BASEDIR", "/app/.pio_store")
        .containsEntry("PIO_STORAGE_REPOSITORIES_METADATA_SOURCE", "PGSQL")
        .containsEntry("PIO_STORAGE_REPOSITORIES_EVENTDATA_NAME", "pio_event")
        .containsEntry("PIO_STORAGE_SOURCES_PGSQL_TYPE", "jdbc")
        .containsEntry("PIO_STORAGE_SOURCES_PGSQL_INDEX", "enabled")
        .containsEntry("PIO_STORAGE_SOURCES_PGSQL_PARTITIONS", "4")
        .containsEntry("PIO_STORAGE_SOURCES_PGSQL_CONNECTIONS", "8")
        .containsEntry("rc", "0")
        .doesNotContainKeys("PIO_STORAGE_SOURCES_ELASTICSEARCH_TYPE");
  }

  @Test
  void pioEnvKeepsConfigVarsSetInTheEnvironment() throws Exception {
    String text = engine.render(Templates.PIO_ENV,
        new PioEnv("vendors/spark-hadoop", "lib/postgresql_jdbc.jar", true, 4, 8, Optional.empty()));

    Map<String, String> vars = Shell.sourceAndRead(Shell.write(dir, "pio-env.sh", text),
        Map.of("PIO_HOME", "/p", "HOME", "/h", "PIO_STORAGE_REPOSITORIES_EVENTDATA_NAME", "my_events",
            "PIO_STORAGE_SOURCES_PGSQL_CONNECTIONS", "3"), PIO_ENV_NAMES);

    assertThat(vars).containsEntry("PIO_STORAGE_REPOSITORIES_EVENTDATA_NAME", "my_events")
        .containsEntry("PIO_STORAGE_SOURCES_PGSQL_CONNECTIONS", "3");
  }

  @Test
  void pioEnvWithHostileValuesMatchesGoldenAndReadsThemBackLiterally() throws Exception {
    String text = engine.render(Templates.PIO_ENV, new PioEnv(hostile("spark"), hostile("jdbc"), false, 2, 16,
        Optional.of(hostile("es"))));
    Golden.assertMatches("pio-env.sh.hostile", text);

    Map<String, String> vars = Shell.sourceAndRead(Shell.write(dir, "pio-env.sh", text),
        Map.of("PIO_HOME", "/p", "HOME", "/h"), PIO_ENV_NAMES);

    assertThat(vars).containsEntry("SPARK_HOME", "/p/" + hostile("spark"))
        .containsEntry("POSTGRES_JDBC_DRIVER", "/p/" + hostile("jdbc"))
        .containsEntry("PIO_STORAGE_REPOSITORIES_METADATA_SOURCE", "ELASTICSEARCH")
        .containsEntry("PIO_STORAGE_SOURCES_ELASTICSEARCH_TYPE", "elasticsearch")
        .containsEntry("PIO_STORAGE_SOURCES_ELASTICSEARCH_HOME", "/p/" + hostile("es"))
        .containsEntry("PIO_STORAGE_SOURCES_PGSQL_PARTITIONS", "2")
        .containsEntry("rc", "0")
        .doesNotContainKeys("PIO_STORAGE_SOURCES_PGSQL_INDEX");
  }

  @Test
  void hostileValuesReadBackTheSameInBashWhichHerokuSourcesProfileScriptsWith() throws Exception {
    String pioEnv = engine.render(Templates.PIO_ENV, new PioEnv(hostile("spark"), hostile("jdbc"), false, 2, 16,
        Optional.of(hostile("es"))));
    Path script = Shell.write(dir, "pio-env.sh", pioEnv);
    Map<String, String> env = Map.of("PIO_HOME", "/p", "HOME", "/h");

    Map<String, String> dash = Shell.sourceAndRead("/bin/sh", script, env, PIO_ENV_NAMES);
    Map<String, String> bash = Shell.sourceAndRead("/bin/bash", script, env, PIO_ENV_NAMES);

    assertThat(bash).isEqualTo(dash).containsEntry("SPARK_HOME", "/p/" + hostile("spark"));
  }

  @Test
  void pioPathPutsPredictionIoFirstOnceAndLeaksNoShellOption() throws Exception {
    String ordinary = engine.render(Templates.PIO_PATH, new PioPath("PredictionIO-dist"));
    Golden.assertMatches("pio-path.sh.ordinary", ordinary);
    Path script = Shell.write(dir, "pio-path.sh", ordinary);
    Path twice = Shell.write(dir, "twice.sh", ". " + quote(script) + "\n. " + quote(script) + "\n");

    Map<String, String> vars = Shell.sourceAndRead(twice, Map.of("HOME", "/app"), List.of("PATH", "-", "rc"));

    assertThat(vars).containsEntry("PATH",
        "/app/PredictionIO-dist/bin:/app/PredictionIO-dist/sbt:/usr/bin:/bin").containsEntry("rc", "0");
    assertThat(vars.get("-")).doesNotContain("e").doesNotContain("u");
  }

  @Test
  void pioJavaSetsTheAppsJdkFirstOnceAndLeaksNoShellOption() throws Exception {
    for (String variant : List.of("ordinary", "hostile")) {
      String jdk = variant.equals("ordinary") ? ".jdk" : hostile("jdk");
      String text = engine.render(Templates.PIO_JAVA, new PioJava(jdk));
      Golden.assertMatches("pio-java.sh." + variant, text);
      Path script = Shell.write(dir, "pio-java.sh", text);
      Path twice = Shell.write(dir, "twice.sh", ". " + quote(script) + "\n. " + quote(script) + "\n");

      for (String shell : List.of("/bin/sh", "/bin/bash")) {
        Map<String, String> vars = Shell.sourceAndRead(shell, twice, Map.of("HOME", "/app"),
            List.of("JAVA_HOME", "PATH", "-", "rc"));

        assertThat(vars).as(shell).containsEntry("JAVA_HOME", "/app/" + jdk)
            .containsEntry("PATH", "/app/" + jdk + "/bin:/usr/bin:/bin").containsEntry("rc", "0");
        assertThat(vars.get("-")).doesNotContain("e").doesNotContain("u");
      }
    }
  }

  @Test
  void pioPathWithHostileDirectoryMatchesGoldenAndIsLiteral() throws Exception {
    String text = engine.render(Templates.PIO_PATH, new PioPath(hostile("pio")));
    Golden.assertMatches("pio-path.sh.hostile", text);

    Map<String, String> vars = Shell.sourceAndRead(Shell.write(dir, "pio-path.sh", text),
        Map.of("HOME", "/app"), List.of("PATH", "rc"));

    assertThat(vars.get("PATH")).isEqualTo("/app/" + hostile("pio") + "/bin:/app/" + hostile("pio")
        + "/sbt:/usr/bin:/bin");
  }

  @Test
  void runtimeHookSourcesWhatPioDataWroteAndNeitherExitsNorSetsOptionsWhenPioDataFails() throws Exception {
    String text = engine.render(Templates.RUNTIME_HOOK, new RuntimeHook("bin/pio-data", ".pio-buildpack/run/env.sh"));
    Golden.assertMatches("pio-runtime.sh.ordinary", text);
    Path home = Files.createDirectories(dir.resolve("app"));
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve(".pio-buildpack/run"));
    executable(home.resolve("bin/pio-data"), "#!/bin/sh\n[ \"$1 $2 $3 $4\" = \"runtime-config --app-dir $HOME"
        + " --env-file\" ] || exit 9\n[ \"$PIO_DATA_JAVA_OPTS\" = \"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx64m\" ]"
        + " || exit 8\nif [ -n \"$FAIL\" ]; then echo 'pio-data: DATABASE_URL is not set' >&2;"
        + " exit 5; fi\nprintf \"export FROM_PIO_DATA='yes'\\n\" > \"$5\"\n");
    Path script = Shell.write(dir, "pio-runtime.sh", text);

    Map<String, String> ok = Shell.sourceAndRead(script, Map.of("HOME", home.toString(), "PIO_DATA_JAVA_OPTS",
        "-Xmx64m"), List.of("FROM_PIO_DATA", "PIO_DATA_JAVA_OPTS", "rc"));
    Path after = Shell.write(dir, "after.sh", ". " + quote(script) + "\nREACHED=yes\n");
    Map<String, String> failed = Shell.sourceAndRead(after, Map.of("HOME", home.toString(), "FAIL", "1",
        "PIO_DATA_JAVA_OPTS", "-Xmx64m"),
        List.of("REACHED", "-", "rc"));

    assertThat(ok).containsEntry("FROM_PIO_DATA", "yes").containsEntry("rc", "0")
        .containsEntry("PIO_DATA_JAVA_OPTS", "-Xmx64m");
    assertThat(failed).containsEntry("REACHED", "yes");
    assertThat(failed.get("-")).doesNotContain("e").doesNotContain("u");
  }

  @Test
  void profileScriptsWorkInACallerThatSetsErrexitAndNounset() throws Exception {
    Path home = Files.createDirectories(dir.resolve("strict"));
    Files.createDirectories(home.resolve("bin"));
    executable(home.resolve("bin/pio-data"), "#!/bin/sh\necho 'pio-data: DATABASE_URL is not set' >&2\nexit 5\n");
    Path path = Shell.write(dir, "pio-path.sh", engine.render(Templates.PIO_PATH, new PioPath("PredictionIO-dist")));
    Path runtime = Shell.write(dir, "pio-runtime.sh", engine.render(Templates.RUNTIME_HOOK,
        new RuntimeHook("bin/pio-data", ".pio-buildpack/run/env.sh")));
    Path caller = Shell.write(dir, "strict.sh", "set -eu\n. " + quote(path) + "\n. " + quote(runtime)
        + "\nREACHED=yes\n");

    Map<String, String> vars = Shell.sourceAndRead(caller, Map.of("HOME", home.toString()),
        List.of("REACHED", "rc"));

    assertThat(vars).containsEntry("REACHED", "yes").containsEntry("rc", "0");
  }

  @Test
  void runtimeHookWithHostilePathsMatchesGoldenAndRunsThem() throws Exception {
    String text = engine.render(Templates.RUNTIME_HOOK, new RuntimeHook(hostile("bin"), hostile("env")));
    Golden.assertMatches("pio-runtime.sh.hostile", text);
    Path home = Files.createDirectories(dir.resolve("home"));
    executable(home.resolve(hostile("bin")),
        "#!/bin/sh\n[ \"$5\" = \"$EXPECT\" ] && echo GOT_FILE=yes > \"$5\"\n");

    Map<String, String> vars = Shell.sourceAndRead(Shell.write(dir, "pio-runtime.sh", text),
        Map.of("HOME", home.toString(), "EXPECT", home + "/" + hostile("env")), List.of("GOT_FILE"));

    assertThat(vars).containsEntry("GOT_FILE", "yes");
  }

  @Test
  void pioDataLauncherRunsTheToolkitJavaWithTheJarOptionsAndArguments() throws Exception {
    for (String variant : List.of("ordinary", "hostile")) {
      boolean hostile = variant.equals("hostile");
      PioDataLauncher model = hostile ? new PioDataLauncher(hostile("java"), hostile("jar"))
          : new PioDataLauncher(".pio-buildpack/jre/bin/java", ".pio-buildpack/lib/pio-data.jar");
      String text = engine.render(Templates.PIO_DATA_LAUNCHER, model);
      Golden.assertMatches("pio-data." + variant, text);
      Path app = Files.createDirectories(dir.resolve(variant));
      Files.createDirectories(app.resolve(model.java()).getParent());
      executable(app.resolve(model.java()), "#!/bin/sh\nfor a; do printf '%s\\0' \"$a\"; done\n");
      Path launcher = executable(Files.createDirectories(app.resolve("bin")).resolve("pio-data"), text);

      List<String> argv = run(List.of(launcher.toString(), "status", "two words", "*"),
          Map.of("PIO_DATA_JAVA_OPTS", "-Xmx256m -Dglob=*"));

      assertThat(argv).containsExactly("-Xmx256m", "-Dglob=*", "-jar",
          app.toRealPath().resolve(model.jar()).toString(), "status", "two words", "*");
    }
  }

  @Test
  void pioDataLauncherStartsTheEventServerFromTheBuildsArchiveWithPathsRelativeToTheApp() throws Exception {
    PioDataLauncher model = new PioDataLauncher(hostile("java"), hostile("lib") + "/pio-data.jar");
    String text = engine.render(Templates.PIO_DATA_LAUNCHER, model);
    Path app = Files.createDirectories(dir.resolve("archive"));
    Files.createDirectories(app.resolve(model.java()).getParent());
    executable(app.resolve(model.java()), "#!/bin/sh\npwd; for a; do printf '%s\\0' \"$a\"; done\n");
    Files.createDirectories(app.resolve(hostile("lib")));
    Files.writeString(app.resolve(hostile("lib") + "/pio-data.jsa"), "archive");
    Path launcher = executable(Files.createDirectories(app.resolve("bin")).resolve("pio-data"), text);

    List<String> server = run(List.of(launcher.toString(), "eventserver", "--port", "0"),
        Map.of("PIO_DATA_JAVA_OPTS", "-Xmx64m"));
    List<String> status = run(List.of(launcher.toString(), "status"), Map.of());
    List<String> off = run(List.of(launcher.toString(), "eventserver"), Map.of("PIO_DATA_CLASS_ARCHIVE", "off"));

    String jsa = hostile("lib") + "/pio-data.jsa";
    assertThat(server.get(0)).endsWith(app.toRealPath() + "\n-XX:SharedArchiveFile=" + jsa);
    assertThat(server.subList(1, server.size())).containsExactly("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xmx64m",
        "-jar", model.jar(), "eventserver", "--port", "0");
    assertThat(status.get(status.size() - 2)).isEqualTo(app.toRealPath().resolve(model.jar()).toString());
    assertThat(off).noneMatch(a -> a.contains("SharedArchiveFile"));
  }

  @Test
  void commandLauncherExecsPioDataWithItsCommandAndArguments() throws Exception {
    for (String command : List.of("release", "load-data", "train", "web", hostile("cmd"))) {
      String text = engine.render(Templates.PIO_COMMAND_LAUNCHER, new PioCommandLauncher(command));
      if (command.equals("web") || command.equals(hostile("cmd"))) {
        Golden.assertMatches("heroku-buildpack-pio-command." + (command.equals("web") ? "ordinary" : "hostile"),
            text);
      }
      Path bin = Files.createDirectories(dir.resolve("bin-" + Integer.toHexString(command.hashCode())));
      executable(bin.resolve("pio-data"), "#!/bin/sh\nfor a; do printf '%s\\0' \"$a\"; done\n");
      Path launcher = executable(bin.resolve("launcher"), text);

      assertThat(run(List.of(launcher.toString(), "--x", "a b"), Map.of())).containsExactly(command, "--x", "a b");
    }
  }

  @Test
  void execDProgramRunsRuntimeConfigWritingTomlToDescriptorThree() throws Exception {
    Path fake = executable(dir.resolve(hostile("pio-data").replace('/', '_')),
        "#!/bin/sh\nfor a; do printf '%s\\0' \"$a\"; done\n");
    for (String variant : List.of("ordinary", "hostile")) {
      ExecD model = variant.equals("hostile") ? new ExecD(fake.toString(), hostile("app"))
          : new ExecD(fake.toString(), "/workspace");
      String text = engine.render(Templates.EXEC_D, model);
      Golden.assertMatches("exec.d-pio-runtime." + variant,
          text.replace(dir.toString(), "<dir>"));
      Path program = executable(dir.resolve("exec-" + variant), text);

      assertThat(run(List.of(program.toString()), Map.of())).containsExactly("runtime-config", "--app-dir",
          model.appDir(), "--env-toml", "/dev/fd/3");
    }
  }

  private static String quote(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }

  private static Path executable(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static List<String> run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("exit code of %s", command).isZero();
    List<String> args = new ArrayList<>();
    for (String arg : out.split("\0", -1)) {
      args.add(arg);
    }
    args.remove(args.size() - 1);
    return args;
  }
}
