package io.piobuildpack.templates;

import io.piobuildpack.templates.escape.OutputFormat;
import io.piobuildpack.templates.model.CoreSite;
import io.piobuildpack.templates.model.ElasticsearchYml;
import io.piobuildpack.templates.model.ExecD;
import io.piobuildpack.templates.model.LaunchToml;
import io.piobuildpack.templates.model.NoValues;
import io.piobuildpack.templates.model.PioCommandLauncher;
import io.piobuildpack.templates.model.PioDataLauncher;
import io.piobuildpack.templates.model.PioEnv;
import io.piobuildpack.templates.model.PioJava;
import io.piobuildpack.templates.model.PioPath;
import io.piobuildpack.templates.model.RuntimeEnv;
import io.piobuildpack.templates.model.RuntimeHook;
import io.piobuildpack.templates.model.SparkDefaults;
import java.util.List;

/** Every bundled template, with its output format and model type. {@code docs/templates.md} describes each file. */
public final class Templates {

  /** {@code PredictionIO-dist/conf/pio-env.sh}, sourced by PredictionIO's {@code bin/pio}. */
  public static final Template<PioEnv> PIO_ENV =
      new Template<>("pio-env.sh", "pio-env.sh.mustache", OutputFormat.SHELL, PioEnv.class);
  /** {@code .profile.d/pio-path.sh}. */
  public static final Template<PioPath> PIO_PATH =
      new Template<>("pio-path.sh", "profile.d/pio-path.sh.mustache", OutputFormat.SHELL, PioPath.class);
  /** {@code .profile.d/pio-java.sh}: the app's JDK as {@code JAVA_HOME}, first on {@code PATH}. */
  public static final Template<PioJava> PIO_JAVA =
      new Template<>("pio-java.sh", "profile.d/pio-java.sh.mustache", OutputFormat.SHELL, PioJava.class);
  /** {@code .profile.d/pio-runtime.sh}: runs the run-time step at every dyno start. */
  public static final Template<RuntimeHook> RUNTIME_HOOK =
      new Template<>("pio-runtime.sh", "profile.d/pio-runtime.sh.mustache", OutputFormat.SHELL, RuntimeHook.class);
  /** The run-time {@code export} lines sourced by {@code .profile.d/pio-runtime.sh}. */
  public static final Template<RuntimeEnv> RUNTIME_ENV_SH =
      new Template<>("env.sh", "runtime/env.sh.mustache", OutputFormat.SHELL, RuntimeEnv.class);
  /** The run-time variables as TOML, for a CNB {@code exec.d} program's file descriptor 3. */
  public static final Template<RuntimeEnv> RUNTIME_ENV_TOML =
      new Template<>("env.toml", "runtime/env.toml.mustache", OutputFormat.TOML, RuntimeEnv.class);
  /** Spark's {@code conf/spark-defaults.conf}. */
  public static final Template<SparkDefaults> SPARK_DEFAULTS = new Template<>("spark-defaults.conf",
      "spark-defaults.conf.mustache", OutputFormat.PROPERTIES, SparkDefaults.class);
  /** Hadoop's {@code core-site.xml} in PredictionIO's {@code conf}. */
  public static final Template<CoreSite> CORE_SITE =
      new Template<>("core-site.xml", "core-site.xml.mustache", OutputFormat.XML, CoreSite.class);
  /** {@code elasticsearch.yml} in PredictionIO's {@code conf} ({@code ES_CONF_DIR}). */
  public static final Template<ElasticsearchYml> ELASTICSEARCH_YML = new Template<>("elasticsearch.yml",
      "elasticsearch.yml.mustache", OutputFormat.YAML, ElasticsearchYml.class);
  /** {@code bin/pio-data}. */
  public static final Template<PioDataLauncher> PIO_DATA_LAUNCHER =
      new Template<>("pio-data", "bin/pio-data.mustache", OutputFormat.SHELL, PioDataLauncher.class);
  /** {@code bin/heroku-buildpack-pio-<command>}. */
  public static final Template<PioCommandLauncher> PIO_COMMAND_LAUNCHER = new Template<>(
      "heroku-buildpack-pio-command", "bin/heroku-buildpack-pio-command.mustache", OutputFormat.SHELL,
      PioCommandLauncher.class);
  /** {@code Procfile} of an engine app: web, train, release. */
  public static final Template<NoValues> PROCFILE_ENGINE =
      new Template<>("Procfile", "Procfile-engine.mustache", OutputFormat.NO_VALUES, NoValues.class);
  /** {@code Procfile} of an event-server app ({@code PIO_RUN_AS_EVENTSERVER=true}): web, release. */
  public static final Template<NoValues> PROCFILE_EVENTSERVER =
      new Template<>("Procfile", "Procfile-eventserver.mustache", OutputFormat.NO_VALUES, NoValues.class);
  /** CNB {@code launch.toml}. */
  public static final Template<LaunchToml> LAUNCH_TOML =
      new Template<>("launch.toml", "cnb/launch.toml.mustache", OutputFormat.TOML, LaunchToml.class);
  /** CNB {@code exec.d} program that runs the run-time step before every process. */
  public static final Template<ExecD> EXEC_D =
      new Template<>("pio-runtime", "cnb/exec.d/pio-runtime.mustache", OutputFormat.SHELL, ExecD.class);

  private Templates() {}

  /** Every bundled template. */
  public static List<Template<?>> all() {
    return List.of(PIO_ENV, PIO_PATH, PIO_JAVA, RUNTIME_HOOK, RUNTIME_ENV_SH, RUNTIME_ENV_TOML, SPARK_DEFAULTS,
        CORE_SITE, ELASTICSEARCH_YML, PIO_DATA_LAUNCHER, PIO_COMMAND_LAUNCHER, PROCFILE_ENGINE, PROCFILE_EVENTSERVER,
        LAUNCH_TOML, EXEC_D);
  }
}
