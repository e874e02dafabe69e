package io.piobuildpack.buildpack.heroku;

import io.piobuildpack.buildpack.install.InstallLayout;
import io.piobuildpack.buildpack.install.InstallRecord;
import io.piobuildpack.buildpack.install.Installer;
import io.piobuildpack.buildpack.install.common.InstallException;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import io.piobuildpack.buildpack.install.resolve.AppVersions;
import io.piobuildpack.buildpack.install.resolve.InstallPlan;
import io.piobuildpack.buildpack.install.resolve.InstallPlanner;
import io.piobuildpack.buildpack.install.resolve.InstallSettings;
import io.piobuildpack.buildpack.install.resolve.Platform;
import io.piobuildpack.buildpack.output.InstallEvents;
import io.piobuildpack.buildpack.output.RenderEvents;
import io.piobuildpack.buildpack.render.AppLayout;
import io.piobuildpack.buildpack.render.BuildSettings;
import io.piobuildpack.buildpack.render.BuildTimeFiles;
import io.piobuildpack.core.config.EnvDirVariables;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.VariableAllowList;
import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.templates.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku's {@code bin/compile BUILD_DIR CACHE_DIR ENV_DIR} and Heroku CI's {@code bin/test-compile}
 * (https://devcenter.heroku.com/articles/buildpack-api, https://devcenter.heroku.com/articles/testpack-api): installs
 * what the app needs through the install machinery with the build cache, puts the toolkit's runtime and the
 * rendered files into the app, builds the engine, and writes {@code export} and the release YAML. docs/heroku.md
 * describes every step.
 *
 * <p>Two kinds of app: an <b>engine</b> ({@code engine.json}, without {@code PIO_RUN_AS_EVENTSERVER=true}) gets
 * PredictionIO, Spark, the JDBC driver (Elasticsearch and the S3 jars when configured), JDK 8 and the toolkit; an
 * <b>event-server app</b> ({@code PIO_RUN_AS_EVENTSERVER=true}, or no {@code engine.json}) only the toolkit and a
 * Java 17 runtime, since this project's event server and data hooks run without PredictionIO.
 */
public final class HerokuCompile {

  /** Production build ({@code bin/compile}) or Heroku CI build ({@code bin/test-compile}). */
  public enum Mode {
    /** {@code bin/compile}: {@code pio build}, {@code target/streams} removed. */
    COMPILE,
    /** {@code bin/test-compile}: {@code sbt test:compile} instead of {@code pio build}, build output kept. */
    TEST_COMPILE
  }

  /** A test or air-gapped inventory replacing the bundled one: the path of an inventory.json. */
  public static final String PIO_BUILDPACK_INVENTORY = "PIO_BUILDPACK_INVENTORY";

  private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");
  private static final String JRE_JAVA = AppLayout.TOOLKIT_DIR + "/jre/bin/java";
  private static final String JDK_JAVA = ".jdk/bin/java";

  private final DeployLog log;
  private final Environment processEnvironment;

  /** A compile logging to {@code log}, with the build process's environment {@code processEnvironment}. */
  public HerokuCompile(DeployLog log, Environment processEnvironment) {
    this.log = log;
    this.processEnvironment = processEnvironment;
  }

  /**
   * Compiles the app in {@code buildDir}.
   *
   * @param buildpackDir the buildpack's directory (holds {@code lib/pio-data.jar}; receives {@code export})
   * @throws HerokuBuildException for every failure, with its message and exit code
   */
  public void run(Mode mode, Path buildpackDir, Path buildDir, Path cacheDir, Path envDir)
      throws HerokuBuildException {
    long started = System.nanoTime();
    Path app = buildDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(app)) {
      throw new HerokuBuildException(HerokuExitCode.USAGE, "BUILD_DIR " + buildDir + " is not a directory.");
    }
    if (!Files.isDirectory(envDir)) {
      throw new HerokuBuildException(HerokuExitCode.USAGE, "ENV_DIR " + envDir + " is not a directory.");
    }
    Path cache = cacheDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(cache.resolve("pio-buildpack/downloads"));
      Environment env = Environment.layered(EnvDirVariables.herokuEnvDir(envDir, VariableAllowList.TOOLKIT),
          processEnvironment);
      CompileSettings settings = CompileSettings.from(env);
      boolean engine = Files.isRegularFile(app.resolve("engine.json")) && !settings.eventServer();
      CountingInstallListener installs = new CountingInstallListener(new InstallEvents(log, app));
      Installer installer = Installer.forBuild(env, cache.resolve("pio-buildpack/downloads"));
      Platform platform = Platform.detect(env);
      Inventory inventory = inventory(env);
      InstallLayout layout = InstallLayout.under(app);
      BuildTimeFiles files = new BuildTimeFiles(app, new TemplateEngine(), new RenderEvents(log));

      String toolkitJava;
      boolean elasticsearch = false;
      if (engine) {
        log.stepStarted("PredictionIO engine app (engine.json)");
        InstallPlan plan = new InstallPlanner(inventory).plan(AppVersions.read(app), InstallSettings.from(env),
            platform.os(), platform.arch());
        plan.notes().forEach(log::note);
        log.stepStarted("Installing PredictionIO " + plan.predictionIo().version() + ", Spark " + plan.spark().version()
            + " and Java 8");
        installer.install(plan.predictionIo(), layout.predictionIo(), installs);
        installer.install(plan.spark(), layout.spark(), installs);
        installer.install(plan.postgresqlJdbc(), layout.postgresqlJdbc(), installs);
        if (plan.elasticsearch().isPresent()) {
          installer.install(plan.elasticsearch().get(), layout.elasticsearch(), installs);
          elasticsearch = true;
        }
        for (Artifact jar : plan.s3Jars()) {
          installer.install(jar, layout.s3Jars().resolve(jar.name() + ".jar"), installs);
        }
        Optional<String> foreign = foreignJdkVersion(layout.jdk());
        if (foreign.isPresent() && majorOf(foreign.get()) == 8) {
          log.note("Using the JDK " + foreign.get() + " another buildpack (heroku/jvm) installed in .jdk");
        } else {
          installer.install(plan.jdk(), layout.jdk(), installs);
        }
        log.stepStarted("Installing the toolkit's Java " + plan.jre().version());
        installer.install(plan.jre(), layout.jre(), installs);
        toolkitJava = JRE_JAVA;
      } else {
        log.stepStarted("PredictionIO event server app (" + (settings.eventServer() ? "PIO_RUN_AS_EVENTSERVER=true"
            : "no engine.json") + ")");
        log.note("Installing only the toolkit: this project's event server and data hooks need neither "
            + "PredictionIO, Spark nor Java 8.");
        Optional<String> foreign = jdkVersion(layout.jdk());
        if (foreign.isPresent() && majorOf(foreign.get()) >= 17) {
          log.note("Using the Java " + foreign.get() + " in .jdk for the toolkit");
          toolkitJava = JDK_JAVA;
        } else {
          Artifact jre = jreArtifact(inventory, platform);
          log.stepStarted("Installing the toolkit's Java " + jre.version());
          installer.install(jre, layout.jre(), installs);
          toolkitJava = JRE_JAVA;
        }
      }

      log.stepStarted("Installing the toolkit (pio-data " + io.piobuildpack.buildpack.install.common.Toolkit.version()
          + ")");
      copyToolkitJar(buildpackDir, app);
      boolean ownProcfile = Files.exists(app.resolve("Procfile"));
      files.write(new BuildSettings(engine, elasticsearch, toolkitJava, !engine));
      log.note(ownProcfile ? "Procfile: the app's own (kept)" : "Procfile: the " + (engine ? "engine" : "event server")
          + " variant");
      if (engine) {
        files.writeJavaProfile(".jdk");
        EngineBuild.Goal goal = mode == Mode.COMPILE ? EngineBuild.Goal.PIO_BUILD : EngineBuild.Goal.TEST_COMPILE;
        new EngineBuild(log).run(goal, app, cache, env.asMap(), settings);
        if (mode == Mode.COMPILE) {
          deleteTree(app.resolve("target/streams"));
        }
      }
      if (!engine && mode == Mode.COMPILE) {
        log.stepStarted("Recording the event server's class-data archive");
        ClassDataArchive.record(app, toolkitJava, log);
      }
      Files.writeString(app.resolve(ReleaseYaml.FILE), ReleaseYaml.render(!engine));
      ExportFile.write(buildpackDir,
          Optional.of(app.resolve(toolkitJava.equals(JDK_JAVA) || engine ? ".jdk" : AppLayout.TOOLKIT_DIR + "/jre")),
          engine ? Optional.of(layout.predictionIo().resolve("bin")) : Optional.empty());

      double seconds = (System.nanoTime() - started) / 1e9;
      log.stepStarted(String.format(Locale.ROOT, "Done in %.1f s: %s", seconds, installs.summary()));
    } catch (HerokuBuildException e) {
      throw e;
    } catch (InstallException | RuntimeException | IOException e) {
      HerokuExitCode code = HerokuFailures.exitCodeOf(e);
      if (code == HerokuExitCode.INTERNAL) {
        throw new HerokuBuildException(code, "pio-buildpack failed unexpectedly (" + e + "); please report it.", e);
      }
      throw new HerokuBuildException(code, String.valueOf(e.getMessage()), e);
    }
  }

  private Inventory inventory(Environment env) throws HerokuBuildException {
    Optional<String> file = env.find(PIO_BUILDPACK_INVENTORY).filter(s -> !s.isBlank());
    if (file.isEmpty()) {
      return Inventory.load();
    }
    Path path = Path.of(file.get());
    try (InputStream in = Files.newInputStream(path)) {
      log.note("Using the inventory " + path + " (" + PIO_BUILDPACK_INVENTORY + ")");
      return Inventory.parse(in, path.toString());
    } catch (IOException e) {
      throw new HerokuBuildException(HerokuExitCode.INVALID_SETTING, PIO_BUILDPACK_INVENTORY + ": cannot read "
          + path + " (" + e.getMessage() + ")", e);
    }
  }

  private static Artifact jreArtifact(Inventory inventory, Platform platform) throws HerokuBuildException {
    String version = inventory.defaultVersion("jre").orElseThrow(() -> new HerokuBuildException(
        HerokuExitCode.INTERNAL, "The inventory names no default jre."));
    return inventory.find("jre", version, platform.os(), platform.arch()).orElseThrow(() ->
        new HerokuBuildException(HerokuExitCode.JAVA_UNAVAILABLE, "The inventory has no Java " + version
            + " runtime for " + platform.os() + "/" + platform.arch() + "."));
  }

  /** The version of a JDK at {@code jdk} that this buildpack did not install (no install record), if any. */
  static Optional<String> foreignJdkVersion(Path jdk) throws IOException {
    if (InstallRecord.read(jdk).isPresent()) {
      return Optional.empty();
    }
    return jdkVersion(jdk);
  }

  /** The {@code JAVA_VERSION} of the {@code release} file of a Java at {@code jdk} with a {@code bin/java}. */
  static Optional<String> jdkVersion(Path jdk) throws IOException {
    Path release = jdk.resolve("release");
    if (!Files.isExecutable(jdk.resolve("bin/java")) || !Files.isRegularFile(release)) {
      return Optional.empty();
    }
    Matcher m = JAVA_VERSION.matcher(Files.readString(release));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The feature version of a Java version string: {@code 1.8.0_432} is 8, {@code 17.0.9} is 17, else 0. */
  static int majorOf(String version) {
    String[] parts = version.split("[._+-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Copies the buildpack's jar to {@code .pio-buildpack/lib/pio-data.jar}: temporary file, then rename. */
  private static void copyToolkitJar(Path buildpackDir, Path app) throws HerokuBuildException {
    Path jar = buildpackDir.resolve("lib/pio-data.jar");
    Path target = app.resolve(AppLayout.TOOLKIT_JAR);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = target.resolveSibling(".pio-data.jar.tmp-" + UUID.randomUUID());
      Files.copy(jar, temporary, StandardCopyOption.COPY_ATTRIBUTES);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new HerokuBuildException(HerokuExitCode.FILE_SYSTEM, "Cannot copy " + jar + " to " + target + ": "
          + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
