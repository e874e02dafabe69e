package io.piobuildpack.buildpack.render;

import io.piobuildpack.templates.Template;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.Templates;
import io.piobuildpack.templates.model.CoreSite;
import io.piobuildpack.templates.model.ElasticsearchYml;
import io.piobuildpack.templates.model.NoValues;
import io.piobuildpack.templates.model.PioCommandLauncher;
import io.piobuildpack.templates.model.PioDataLauncher;
import io.piobuildpack.templates.model.PioEnv;
import io.piobuildpack.templates.model.PioJava;
import io.piobuildpack.templates.model.PioPath;
import io.piobuildpack.templates.model.RuntimeHook;
import io.piobuildpack.templates.model.SparkDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes every file whose values exist at build time: {@code pio-env.sh}, the {@code .profile.d} scripts, the
 * launchers, the Procfile; and puts the app's fixed overrides of run-time files in place. Run-time files
 * themselves are rendered at each start by {@link RuntimeFiles} ({@code pio-data runtime-config}). Every override
 * is resolved here, so an unusable one (an ERB template) fails the build rather than a dyno start.
 */
public final class BuildTimeFiles {

  /** The launchers of the original buildpack, each running the {@code pio-data} command of the same name. */
  public static final List<String> LAUNCHER_COMMANDS = List.of("release", "load-data", "train", "web");

  /** PredictionIO's PostgreSQL source: JDBC read partitions and pool size (PredictionIO's defaults). */
  private static final int PGSQL_PARTITIONS = 4;
  private static final int PGSQL_CONNECTIONS = 8;

  private final Path appDir;
  private final TemplateEngine engine;
  private final ConfigRenderer renderer;
  private final TemplateSources sources;
  private final RenderListener listener;

  public BuildTimeFiles(Path appDir, TemplateEngine engine, RenderListener listener) {
    this.appDir = appDir;
    this.listener = listener;
    this.engine = engine;
    this.renderer = new ConfigRenderer(engine, appDir, listener);
    this.sources = new TemplateSources(appDir, listener);
  }

  /**
   * Writes the build-time files.
   *
   * @throws OverrideException for an unusable override in {@code config/}
   * @throws io.piobuildpack.templates.TemplateRenderException for an app template that does not render
   */
  public void write(BuildSettings settings) {
    if (settings.predictionIoInstalled()) {
      PioEnv pioEnv = new PioEnv(AppLayout.SPARK_HOME, AppLayout.POSTGRES_JDBC_DRIVER, true, PGSQL_PARTITIONS,
          PGSQL_CONNECTIONS, settings.elasticsearchInstalled() ? Optional.of(AppLayout.ELASTICSEARCH_HOME)
              : Optional.empty());
      renderer.write(Templates.PIO_ENV, sources.resolve(Templates.PIO_ENV), pioEnv,
          Path.of(AppLayout.PIO_HOME, "conf", "pio-env.sh"), AtomicFiles.Mode.PLAIN);
      renderer.writeBundled(Templates.PIO_PATH, new PioPath(AppLayout.PIO_HOME), Path.of(".profile.d",
          "pio-path.sh"), AtomicFiles.Mode.PLAIN);
      prepareRuntimeFile(Templates.SPARK_DEFAULTS, new SparkDefaults(Optional.empty()),
          RuntimeFiles.SPARK_DEFAULTS_TARGET);
      prepareRuntimeFile(Templates.CORE_SITE, new CoreSite(Optional.empty()), RuntimeFiles.CORE_SITE_TARGET);
      prepareRuntimeFile(Templates.ELASTICSEARCH_YML, new ElasticsearchYml(Optional.empty()),
          RuntimeFiles.ELASTICSEARCH_YML_TARGET);
    }
    renderer.writeBundled(Templates.RUNTIME_HOOK, new RuntimeHook("bin/pio-data", AppLayout.RUNTIME_ENV_FILE),
        Path.of(".profile.d", "pio-runtime.sh"), AtomicFiles.Mode.PLAIN);
    renderer.writeBundled(Templates.PIO_DATA_LAUNCHER, new PioDataLauncher(settings.toolkitJava(),
        AppLayout.TOOLKIT_JAR), Path.of("bin", "pio-data"), AtomicFiles.Mode.EXECUTABLE);
    for (String command : LAUNCHER_COMMANDS) {
      renderer.writeBundled(Templates.PIO_COMMAND_LAUNCHER, new PioCommandLauncher(command),
          Path.of("bin", "heroku-buildpack-pio-" + command), AtomicFiles.Mode.EXECUTABLE);
    }
    if (!Files.exists(appDir.resolve("Procfile"))) {
      Template<NoValues> procfile = settings.eventServer() ? Templates.PROCFILE_EVENTSERVER
          : Templates.PROCFILE_ENGINE;
      renderer.writeBundled(procfile, new NoValues(), Path.of("Procfile"), AtomicFiles.Mode.PLAIN);
    }
  }

  /**
   * Writes {@code .profile.d/pio-java.sh}, which makes the app's JDK {@code JAVA_HOME} and puts it first on
   * {@code PATH} at every start (for an app whose JDK this buildpack installed or reused).
   *
   * @param jdkHome the JDK's directory relative to the app directory, e.g. {@code .jdk}
   */
  public void writeJavaProfile(String jdkHome) {
    renderer.writeBundled(Templates.PIO_JAVA, new PioJava(jdkHome), Path.of(".profile.d", "pio-java.sh"),
        AtomicFiles.Mode.PLAIN);
  }

  /**
   * For a file rendered at run time: the app's fixed file is copied now; the app's template is rendered once with
   * no values configured, so a syntax error or a misspelt name fails the build, not the dyno's start.
   */
  private <M extends Record> void prepareRuntimeFile(Template<M> template, M emptyModel, Path target) {
    TemplateSource source = sources.resolve(template);
    if (source.isFixedFile()) {
      renderer.write(template, source, emptyModel, target, AtomicFiles.Mode.PLAIN);
    } else {
      if (source.kind() == TemplateSource.Kind.APP_TEMPLATE) {
        try {
          engine.render(template, source.name(), Files.readString(source.file().orElseThrow()), emptyModel);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot read " + source.name(), e);
        }
      }
      listener.renderedAtStart(target, source);
    }
  }
}
