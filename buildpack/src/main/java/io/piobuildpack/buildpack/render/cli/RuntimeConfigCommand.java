package io.piobuildpack.buildpack.render.cli;

import io.piobuildpack.buildpack.render.InvalidRuntimeSettingException;
import io.piobuildpack.buildpack.render.OverrideException;
import io.piobuildpack.buildpack.render.RenderListener;
import io.piobuildpack.buildpack.render.RuntimeFiles;
import io.piobuildpack.core.cli.CliContext;
import io.piobuildpack.core.cli.CliException;
import io.piobuildpack.core.cli.ExitCode;
import io.piobuildpack.core.config.InvalidStorageSettingsException;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.TemplateRenderException;
import io.piobuildpack.templates.Templates;
import io.piobuildpack.templates.model.RuntimeEnv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data runtime-config}: the run-time step at every dyno or container start (docs/templates.md). Renders
 * the run-time configuration files and writes the variables to export as shell ({@code --env-file}, sourced by
 * {@code .profile.d/pio-runtime.sh}) or TOML ({@code --env-toml}, a CNB {@code exec.d} program's
 * {@code /dev/fd/3}). Prints nothing on success and never a value; on failure one message naming the variable.
 */
@Command(name = "runtime-config", mixinStandardHelpOptions = true,
    description = {"Render the run-time configuration at dyno or container start (DATABASE_URL ->"
        + " PIO_STORAGE_SOURCES_PGSQL_*, PIO_ELASTICSEARCH_URL, S3, Spark's address).",
        "Writes spark-defaults.conf, core-site.xml and elasticsearch.yml when PredictionIO is installed, and the"
            + " variables to export; prints no value."})
final class RuntimeConfigCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--app-dir", paramLabel = "DIR", description = "The app directory (default: the working directory).")
  private Path appDir;

  @Option(names = "--env-file", paramLabel = "FILE",
      description = "Write the variables as shell export lines to FILE (owner-only, replaced atomically).")
  private Path envFile;

  @Option(names = "--env-toml", paramLabel = "FILE",
      description = "Write the variables as TOML to FILE, e.g. /dev/fd/3 in a CNB exec.d program.")
  private Path envToml;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    Path dir = appDir != null ? appDir : context.workingDirectory();
    RuntimeFiles files = new RuntimeFiles(context.env(), dir, new TemplateEngine(), RenderListener.NONE);
    try {
      RuntimeEnv environment = files.environment();
      files.writeConfigFiles();
      if (envFile != null) {
        files.writeEnvironment(environment, Templates.RUNTIME_ENV_SH, envFile);
      }
      if (envToml != null) {
        try (OutputStream out = Files.newOutputStream(envToml)) {
          files.writeEnvironment(environment, Templates.RUNTIME_ENV_TOML, out);
        }
      }
      return ExitCode.SUCCESS.code();
    } catch (InvalidRuntimeSettingException | InvalidStorageSettingsException e) {
      throw new CliException(ExitCode.STORAGE_UNAVAILABLE, "runtime-config: " + e.getMessage());
    } catch (OverrideException | TemplateRenderException e) {
      throw new CliException(ExitCode.INVALID_DATA, "runtime-config: " + e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(ExitCode.OUTPUT_UNWRITABLE, "runtime-config: " + e.getMessage());
    }
  }
}
