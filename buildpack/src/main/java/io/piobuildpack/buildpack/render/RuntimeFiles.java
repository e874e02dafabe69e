package io.piobuildpack.buildpack.render;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.templates.Template;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.Templates;
import io.piobuildpack.templates.model.RuntimeEnv;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run-time step ({@code pio-data runtime-config}), run at every dyno or container start: renders
 * {@code spark-defaults.conf}, {@code core-site.xml} and {@code elasticsearch.yml} from the environment (unless the
 * app has a fixed override, put in place at build), and writes the variables to export. Every file is written
 * atomically and readable by the owner only (they may hold passwords and keys). Nothing is printed.
 */
public final class RuntimeFiles {

  static final Path SPARK_DEFAULTS_TARGET =
      Path.of(AppLayout.PIO_HOME, AppLayout.SPARK_HOME, "conf", "spark-defaults.conf");
  static final Path CORE_SITE_TARGET = Path.of(AppLayout.PIO_HOME, "conf", "core-site.xml");
  static final Path ELASTICSEARCH_YML_TARGET = Path.of(AppLayout.PIO_HOME, "conf", "elasticsearch.yml");

  private final Path appDir;
  private final TemplateEngine engine;
  private final RuntimeModels models;
  private final ConfigRenderer renderer;
  private final TemplateSources sources;

  public RuntimeFiles(Environment env, Path appDir, TemplateEngine engine, RenderListener listener) {
    this.appDir = appDir;
    this.engine = engine;
    this.models = new RuntimeModels(env, appDir);
    this.renderer = new ConfigRenderer(engine, appDir, listener);
    this.sources = new TemplateSources(appDir, listener);
  }

  /**
   * The variables to export, checked before any file is written.
   *
   * @throws InvalidRuntimeSettingException when the database is missing on a dyno or a URL is unusable
   */
  public RuntimeEnv environment() {
    return models.runtimeEnv();
  }

  /**
   * Renders the run-time configuration files when PredictionIO is installed (not for event-server-only apps).
   *
   * @throws InvalidRuntimeSettingException for an unusable variable
   * @throws io.piobuildpack.templates.TemplateRenderException for a value its file cannot carry
   */
  public void writeConfigFiles() {
    if (!Files.isDirectory(appDir.resolve(AppLayout.PIO_HOME))) {
      return;
    }
    write(Templates.SPARK_DEFAULTS, models.sparkDefaults(), SPARK_DEFAULTS_TARGET);
    write(Templates.CORE_SITE, models.coreSite(), CORE_SITE_TARGET);
    write(Templates.ELASTICSEARCH_YML, models.elasticsearchYml(), ELASTICSEARCH_YML_TARGET);
  }

  /**
   * Writes the variables in the format of {@code template} (shell or TOML) to {@code file}, atomically and
   * owner-only.
   */
  public void writeEnvironment(RuntimeEnv environment, Template<RuntimeEnv> template, Path file) {
    AtomicFiles.write(file, engine.render(template, environment), AtomicFiles.Mode.SECRET);
  }

  /**
   * Writes the variables in the format of {@code template} to an already open stream, such as file descriptor 3
   * of a CNB {@code exec.d} program ({@code /dev/fd/3}), which cannot be replaced by a rename.
   */
  public void writeEnvironment(RuntimeEnv environment, Template<RuntimeEnv> template, java.io.OutputStream out)
      throws java.io.IOException {
    out.write(engine.render(template, environment).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.flush();
  }

  private <M extends Record> void write(Template<M> template, M model, Path target) {
    TemplateSource source = sources.resolve(template);
    if (!source.isFixedFile()) {
      renderer.write(template, source, model, target, AtomicFiles.Mode.SECRET);
    }
  }
}
