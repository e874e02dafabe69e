package io.piobuildpack.buildpack.render;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.Templates;
import io.piobuildpack.templates.model.ExecD;
import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged slug jar ({@code target/pio-data.jar}) driven the way a dyno and a CNB launcher drive it: the
 * generated {@code .profile.d/pio-runtime.sh} sourced by {@code sh} through the generated {@code bin/pio-data}, and
 * the generated {@code exec.d} program with a real file descriptor 3.
 */
class RuntimeConfigJarIT {

  private static final Path JAR = Path.of("target/pio-data.jar").toAbsolutePath();

  @TempDir
  Path app;

  @BeforeEach
  void builtApp() throws Exception {
    assertThat(JAR).as("the shaded jar, built in the package phase").isRegularFile();
    Files.createDirectories(app.resolve("PredictionIO-dist/conf"));
    Files.createDirectories(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf"));
    Files.createDirectories(app.resolve(".pio-buildpack/lib"));
    Files.copy(JAR, app.resolve(AppLayout.TOOLKIT_JAR));
    Path java = app.resolve(".pio-buildpack/jre/bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    new BuildTimeFiles(app, new TemplateEngine(), RenderListener.NONE)
        .write(new BuildSettings(true, false, ".pio-buildpack/jre/bin/java", false));
  }

  @Test
  void dynoStartSourcesTheProfileScriptAndGetsPredictionIoStorageWithoutPrintingSecrets() throws Exception {
    CommandResult result = sh(". \"$HOME/.profile.d/pio-path.sh\"; . \"$HOME/.profile.d/pio-runtime.sh\";"
        + " printf '%s\\n' \"$PIO_STORAGE_SOURCES_PGSQL_URL\" \"$PIO_STORAGE_SOURCES_PGSQL_USERNAME\""
        + " \"$PIO_STORAGE_SOURCES_PGSQL_PASSWORD\" \"$PATH\"",
        Map.of("DYNO", "web.1", "DATABASE_URL", "postgres://us%3Aer:s3cr%40t@db.example.com:5433/d1?a=b"));

    assertThat(result.out().lines()).containsExactly(
        "jdbc:postgresql://db.example.com:5433/d1?a=b&sslmode=require", "us:er", "s3cr@t",
        app + "/PredictionIO-dist/bin:" + app + "/PredictionIO-dist/sbt:/usr/bin:/bin");
    assertThat(result.err()).isEmpty();
    assertThat(app.resolve("PredictionIO-dist/conf/core-site.xml")).isRegularFile();
  }

  @Test
  void dynoStartWithoutDatabaseReportsItAndTheShellGoesOn() throws Exception {
    CommandResult result = sh(". \"$HOME/.profile.d/pio-runtime.sh\"; echo \"still here ${PIO_STORAGE_SOURCES_PGSQL_URL:-unset}\"",
        Map.of("DYNO", "web.1"));

    assertThat(result.out()).isEqualTo("still here unset\n");
    assertThat(result.err()).startsWith("pio-data: runtime-config: DATABASE_URL is not set: on a dyno");
  }

  @Test
  void execDProgramWritesTomlToFileDescriptorThree() throws Exception {
    Path program = app.resolve("exec.d-pio-runtime");
    Files.writeString(program, new TemplateEngine().render(Templates.EXEC_D,
        new ExecD(app.resolve("bin/pio-data").toString(), app.toString())));
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
    Path toml = app.resolve("fd3.toml");

    CommandResult result = sh("\"$1\" 3>\"$2\"", Map.of("DATABASE_URL", "postgres://u:p%22w@db/d"), program.toString(),
        toml.toString());

    assertThat(result.err()).isEmpty();
    JsonNode vars = new TomlMapper().readTree(Files.readString(toml));
    assertThat(vars.get("PIO_STORAGE_SOURCES_PGSQL_URL").textValue()).isEqualTo("jdbc:postgresql://db/d?sslmode=require");
    assertThat(vars.get("PIO_STORAGE_SOURCES_PGSQL_PASSWORD").textValue()).isEqualTo("p\"w");
  }

  private CommandResult sh(String script, Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
    command.addAll(List.of(args));
    CommandResult result = ChildProcess.of(command).directory(app).clearEnvironment()
        .env("PATH", "/usr/bin:/bin").env("HOME", app.toString()).env(env).run();
    assertThat(result).succeeded();
    return result;
  }
}
