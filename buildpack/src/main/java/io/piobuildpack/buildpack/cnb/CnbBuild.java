package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.buildpack.detect.AppKind;
import io.piobuildpack.buildpack.heroku.CompileSettings;
import io.piobuildpack.buildpack.heroku.EngineBuild;
import io.piobuildpack.buildpack.heroku.HerokuBuildException;
import io.piobuildpack.buildpack.heroku.HerokuExitCode;
import io.piobuildpack.buildpack.install.InstallRecord;
import io.piobuildpack.buildpack.install.Installer;
import io.piobuildpack.buildpack.install.archive.ArchiveException;
import io.piobuildpack.buildpack.install.archive.UnsafeArchiveEntryException;
import io.piobuildpack.buildpack.install.common.InstallException;
import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.common.Toolkit;
import io.piobuildpack.buildpack.install.download.ChecksumMismatchException;
import io.piobuildpack.buildpack.install.download.DownloadFailedException;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.buildpack.install.inventory.ChecksumAlgorithm;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import io.piobuildpack.buildpack.install.inventory.InventoryException;
import io.piobuildpack.buildpack.install.resolve.AppVersions;
import io.piobuildpack.buildpack.install.resolve.InstallPlan;
import io.piobuildpack.buildpack.install.resolve.InstallPlanner;
import io.piobuildpack.buildpack.install.resolve.InstallSettings;
import io.piobuildpack.buildpack.install.resolve.Platform;
import io.piobuildpack.buildpack.install.resolve.UnsupportedVersionException;
import io.piobuildpack.buildpack.output.InstallEvents;
import io.piobuildpack.buildpack.output.RenderEvents;
import io.piobuildpack.buildpack.render.AppLayout;
import io.piobuildpack.buildpack.render.BuildSettings;
import io.piobuildpack.buildpack.render.BuildTimeFiles;
import io.piobuildpack.buildpack.render.OverrideException;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.EnvironmentVariableException;
import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.TemplateRenderException;
import io.piobuildpack.templates.Templates;
import io.piobuildpack.templates.model.ExecD;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CNB {@code bin/build}: installs the app's dependencies into layers, writes their env files, SBOMs and
 * {@code <layer>.toml}, the run-time {@code exec.d} program, the build-time files and {@code launch.toml}.
 *
 * <p>Layers (all under {@code CNB_LAYERS_DIR}):
 *
 * <table>
 *   <caption>Layers</caption>
 *   <tr><th>layer</th><th>types</th><th>contents</th><th>launch env</th></tr>
 *   <tr><td>{@code downloads}</td><td>cache</td><td>the download cache (by checksum, in {@code pio-buildpack/downloads/}) and the JRE {@code bin/build} runs on</td><td>-</td></tr>
 *   <tr><td>{@code jdk}</td><td>launch, cache</td><td>JDK 8 in {@code jdk/} (only when this buildpack provides
 *       {@code jdk} in the resolved plan)</td><td>{@code JAVA_HOME}, {@code PATH}</td></tr>
 *   <tr><td>{@code spark}</td><td>launch, cache</td><td>Spark in {@code dist/}</td><td>{@code SPARK_HOME}</td></tr>
 *   <tr><td>{@code predictionio}</td><td>launch, cache</td><td>PredictionIO in {@code dist/} with the JDBC driver,
 *       optional Elasticsearch and S3 jars; {@code dist/vendors/spark-hadoop} links to the Spark layer</td>
 *       <td>{@code PIO_HOME}, {@code PATH}</td></tr>
 *   <tr><td>{@code toolkit}</td><td>launch, cache</td><td>JRE 17, {@code pio-data.jar},
 *       {@code exec.d/pio-runtime}</td><td>{@code PIO_RUN_AS_EVENTSERVER} (default, event-server apps)</td></tr>
 * </table>
 *
 * <p>Event-server apps get only {@code downloads} and {@code toolkit}. A layer is kept, without any download, when
 * its restored metadata equals what this build would write and its contents were restored; otherwise it is
 * deleted and rebuilt and the log says why ({@link LayerSpec#replaceReason}). The app directory gets links
 * ({@code PredictionIO-dist}, {@code .pio-buildpack/jre}, {@code .pio-buildpack/lib/pio-data.jar}) to the layers,
 * so the launchers and templates of the Heroku front-end work unchanged; the layers' paths are the same at launch.
 */
public final class CnbBuild {

  /** An inventory file in the buildpack's root replaces the bundled one (operators re-pinning artifacts). */
  public static final String INVENTORY_OVERRIDE = "inventory.json";

  static final String DOWNLOADS = "downloads";
  static final String JDK = "jdk";
  static final String SPARK = "spark";
  static final String PREDICTIONIO = "predictionio";
  static final String TOOLKIT = "toolkit";
  static final String ENGINE_BUILD = "engine-build";

  private final DeployLog log;
  private final Path toolkitJar;

  /**
   * A build step.
   *
   * @param log the build log's events (the CNB renderer, {@code io.piobuildpack.buildpack.output.CnbLog})
   * @param toolkitJar the shaded {@code pio-data.jar} installed into the toolkit layer
   */
  public CnbBuild(DeployLog log, Path toolkitJar) {
    this.log = log;
    this.toolkitJar = toolkitJar;
  }

  /**
   * Runs the build.
   *
   * @return {@link CnbExitCode#SUCCESS}
   * @throws CnbException with the exit code of the failure and the sentence for the log
   */
  public CnbExitCode run(CnbInputs inputs) throws CnbException {
    try {
      return build(inputs);
    } catch (UnsupportedVersionException e) {
      throw new CnbException(CnbExitCode.UNSUPPORTED_VERSION, e.getMessage(), e);
    } catch (InvalidInstallSettingException | EnvironmentVariableException e) {
      throw new CnbException(CnbExitCode.INVALID_SETTING, e.getMessage(), e);
    } catch (ChecksumMismatchException e) {
      throw new CnbException(CnbExitCode.CHECKSUM_MISMATCH, e.getMessage(), e);
    } catch (DownloadFailedException e) {
      throw new CnbException(CnbExitCode.DOWNLOAD_FAILED, e.getMessage(), e);
    } catch (UnsafeArchiveEntryException | ArchiveException e) {
      throw new CnbException(CnbExitCode.BAD_ARCHIVE, e.getMessage(), e);
    } catch (InstallException e) {
      throw new CnbException(CnbExitCode.IO_ERROR, e.getMessage(), e);
    } catch (OverrideException | TemplateRenderException e) {
      throw new CnbException(CnbExitCode.BAD_TEMPLATE, e.getMessage(), e);
    } catch (InventoryException e) {
      throw new CnbException(CnbExitCode.INVALID_SETTING, e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new CnbException(CnbExitCode.IO_ERROR, "Cannot write the layers: " + e.getMessage(), e);
    }
  }

  private CnbExitCode build(CnbInputs inputs) throws CnbException, InstallException, IOException {
    Path app = inputs.appDir();
    Environment env = inputs.env();
    Layers layers = new Layers(inputs.layersDir().orElseThrow());
    BuildpackPlan bpPlan = BuildpackPlan.read(inputs.planPath());
    Optional<AppKind> detected = bpPlan.kind().or(() -> AppKind.detect(app, env));
    if (detected.isEmpty()) {
      throw new CnbException(CnbExitCode.LIFECYCLE_INPUT, "bin/build ran for an app bin/detect does not pass: no "
          + AppKind.ENGINE_JSON + " and " + AppKind.RUN_AS_EVENTSERVER + " is not true.", null);
    }
    AppKind kind = detected.get();
    log.buildpackStarted(Toolkit.NAME + " (" + kind.displayName() + ")", Toolkit.version());
    Platform platform = Platform.detect(env);
    InstallPlan plan = new InstallPlanner(inventory(inputs.buildpackDir())).plan(AppVersions.read(app),
        InstallSettings.from(env), platform.os(), platform.arch());
    Files.createDirectories(layers.dir());
    Path downloads = downloadsLayer(layers);
    Installing installer = new Installing(Installer.forBuild(env, downloads), new InstallEvents(log, layers.dir()));
    boolean engine = kind == AppKind.ENGINE;
    boolean providesJdk = bpPlan.providesJdk();
    if (engine) {
      plan.notes().forEach(log::note);
      if (providesJdk) {
        jdkLayer(layers, installer, plan.jdk());
      } else {
        layers.remove(JDK);
        log.stepStarted("JDK: provided by an earlier buildpack (the resolved plan gives " + DetectPlans.JDK
            + " to it); PredictionIO needs Java 8 from it");
      }
      Path sparkHome = sparkLayer(layers, installer, plan.spark());
      predictionIoLayer(layers, installer, plan, sparkHome);
    } else {
      for (String unused : List.of(JDK, SPARK, PREDICTIONIO)) {
        layers.remove(unused);
      }
    }
    toolkitLayer(layers, installer, plan.jre(), kind, app);
    linkIntoApp(app, layers, engine);
    if (engine) {
      linkJdk(app, layers, providesJdk, env);
    }
    log.stepStarted("Build-time files");
    new BuildTimeFiles(app, new TemplateEngine(), new RenderEvents(log)).write(new BuildSettings(engine,
        engine && plan.elasticsearch().isPresent(), AppLayout.TOOLKIT_DIR + "/jre/bin/java",
        kind == AppKind.EVENT_SERVER));
    if (engine) {
      buildEngine(app, layers, env);
    } else {
      layers.remove(ENGINE_BUILD);
    }
    Layers.writeAtomically(layers.dir().resolve("launch.toml"),
        new TemplateEngine().render(Templates.LAUNCH_TOML, CnbProcesses.of(kind, app)));
    log.stepStarted("Processes: " + String.join(", ", CnbProcesses.of(kind, app).processes().stream()
        .map(p -> p.type() + (p.defaultProcess() ? " (default)" : "")).toList()));
    return CnbExitCode.SUCCESS;
  }

  /** The bundled inventory, or {@code <buildpack>/inventory.json} when the buildpack carries one. */
  private Inventory inventory(Optional<Path> buildpackDir) throws IOException {
    if (buildpackDir.isPresent()) {
      Path file = buildpackDir.get().resolve(INVENTORY_OVERRIDE);
      if (Files.isRegularFile(file)) {
        log.stepStarted("Inventory: " + file);
        try (InputStream in = Files.newInputStream(file)) {
          return Inventory.parse(in, file.toString());
        }
      }
    }
    return Inventory.load();
  }

  private Path downloadsLayer(Layers layers) throws IOException {
    Path dir = layers.contents(DOWNLOADS);
    Files.createDirectories(dir);
    layers.writeToml(DOWNLOADS, LayerTypes.CACHE_ONLY,
        new LayerMetadata(LayerSpec.LAYER_FORMAT, Toolkit.version(), List.of(), Map.of()));
    // the layout bin/support/toolkit-java uses for the bootstrap JRE's download, so the toolkit layer reuses it
    return dir.resolve("pio-buildpack/downloads");
  }

  private void jdkLayer(Layers layers, Installing installer, Artifact jdk) throws InstallException, IOException {
    LayerSpec spec = new LayerSpec(JDK, LayerTypes.LAUNCH_CACHE, List.of(LayerArtifact.expected(jdk)), Map.of(),
        false);
    Path home = layers.contents(JDK).resolve("jdk");
    List<LayerArtifact> installed = contribute(layers, spec, dir -> recorded(home),
        dir -> List.of(installer.install(jdk, home)));
    EnvFiles.launch(layers.contents(JDK)).override("JAVA_HOME", home.toString())
        .prepend("PATH", home.resolve("bin").toString(), ":");
    finish(layers, spec, installed);
  }

  private Path sparkLayer(Layers layers, Installing installer, Artifact spark) throws InstallException, IOException {
    LayerSpec spec = new LayerSpec(SPARK, LayerTypes.LAUNCH_CACHE, List.of(LayerArtifact.expected(spark)),
        Map.of(), false);
    Path home = layers.contents(SPARK).resolve("dist");
    List<LayerArtifact> installed = contribute(layers, spec, dir -> recorded(home),
        dir -> List.of(installer.install(spark, home)));
    EnvFiles.launch(layers.contents(SPARK)).override("SPARK_HOME", home.toString());
    finish(layers, spec, installed);
    return home;
  }

  private void predictionIoLayer(Layers layers, Installing installer, InstallPlan plan, Path sparkHome)
      throws InstallException, IOException {
    List<Artifact> artifacts = new ArrayList<>(List.of(plan.predictionIo(), plan.postgresqlJdbc()));
    plan.elasticsearch().ifPresent(artifacts::add);
    artifacts.addAll(plan.s3Jars());
    LayerSpec spec = new LayerSpec(PREDICTIONIO, LayerTypes.LAUNCH_CACHE,
        artifacts.stream().map(LayerArtifact::expected).toList(), Map.of("spark-home", sparkHome.toString()),
        false);
    Path home = layers.contents(PREDICTIONIO).resolve("dist");
    List<LayerArtifact> installed = contribute(layers, spec, dir -> recorded(home)
        && recorded(home.resolve(AppLayout.POSTGRES_JDBC_DRIVER)), dir -> {
          List<LayerArtifact> done = new ArrayList<>();
          done.add(installer.install(plan.predictionIo(), home));
          done.add(installer.install(plan.postgresqlJdbc(), home.resolve(AppLayout.POSTGRES_JDBC_DRIVER)));
          if (plan.elasticsearch().isPresent()) {
            done.add(installer.install(plan.elasticsearch().get(), home.resolve(AppLayout.ELASTICSEARCH_HOME)));
          }
          for (Artifact jar : plan.s3Jars()) {
            done.add(installer.install(jar, home.resolve("lib/spark").resolve(jar.name() + ".jar")));
          }
          return done;
        });
    link(home.resolve(AppLayout.SPARK_HOME), sparkHome, "the Spark layer");
    EnvFiles.launch(layers.contents(PREDICTIONIO)).override("PIO_HOME", home.toString())
        .prepend("PATH", home.resolve("bin").toString(), ":");
    finish(layers, spec, installed);
  }

  private void toolkitLayer(Layers layers, Installing installer, Artifact jre, AppKind kind, Path app)
      throws InstallException, IOException {
    LayerArtifact jar = new LayerArtifact("pio-data", Toolkit.version(), sha256(toolkitJar), "BUNDLED", "");
    LayerSpec spec = new LayerSpec(TOOLKIT, LayerTypes.LAUNCH_CACHE, List.of(LayerArtifact.expected(jre), jar),
        Map.of(), true);
    Path layer = layers.contents(TOOLKIT);
    Path jreHome = layer.resolve("jre");
    Path jarFile = layer.resolve("lib/pio-data.jar");
    List<LayerArtifact> installed = contribute(layers, spec, dir -> recorded(jreHome) && Files.isRegularFile(jarFile),
        dir -> {
          LayerArtifact installedJre = installer.install(jre, jreHome);
          Files.createDirectories(jarFile.getParent());
          Files.copy(toolkitJar, jarFile, StandardCopyOption.REPLACE_EXISTING);
          log.note("Installed pio-data " + Toolkit.version());
          return List.of(installedJre, jar);
        });
    Path execD = layer.resolve("exec.d/pio-runtime");
    Layers.writeAtomically(execD, new TemplateEngine().render(Templates.EXEC_D,
        new ExecD(app.resolve("bin/pio-data").toString(), app.toString())));
    Files.setPosixFilePermissions(execD, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (kind == AppKind.EVENT_SERVER) {
      EnvFiles.launch(layer).defaultValue(AppKind.RUN_AS_EVENTSERVER, "true");
    } else {
      Files.deleteIfExists(layer.resolve("env.launch").resolve(AppKind.RUN_AS_EVENTSERVER + ".default"));
    }
    finish(layers, spec, installed);
  }

  /**
   * {@code .jdk} in the app, where the Heroku layout and the launchers' build step expect the JDK: this buildpack's
   * {@code jdk} layer, or the {@code JAVA_HOME} an earlier JDK buildpack set for the build (its layer is in the
   * image too).
   */
  private static void linkJdk(Path app, Layers layers, boolean providesJdk, Environment env)
      throws CnbException, IOException {
    Path target;
    if (providesJdk) {
      target = layers.contents(JDK).resolve("jdk");
    } else {
      Optional<String> javaHome = env.find("JAVA_HOME");
      if (javaHome.isEmpty()) {
        throw new CnbException(CnbExitCode.INVALID_SETTING, "The build plan gives the JDK to an earlier buildpack,"
            + " but JAVA_HOME is not set for this build: that buildpack must contribute the JDK to the build"
            + " (the plan asks for jdk with build = true).", null);
      }
      target = Path.of(javaHome.get());
    }
    link(app.resolve(".jdk"), target, "the JDK");
  }

  /**
   * {@code pio build} in the app directory, as on Heroku ({@link EngineBuild}): the engine's jars stay in the app
   * directory (where {@code pio train} and {@code pio deploy} read them); sbt's Ivy cache, boot directory and global
   * settings are kept in the cache-only {@code engine-build} layer, so a rebuild resolves nothing again.
   */
  private void buildEngine(Path app, Layers layers, Environment env) throws CnbException, IOException {
    Path cache = layers.contents(ENGINE_BUILD);
    Files.createDirectories(cache);
    layers.writeToml(ENGINE_BUILD, LayerTypes.CACHE_ONLY,
        new LayerMetadata(LayerSpec.LAYER_FORMAT, Toolkit.version(), List.of(), Map.of()));
    try {
      new EngineBuild(log).run(EngineBuild.Goal.PIO_BUILD, app, cache, env.asMap(), CompileSettings.from(env));
    } catch (HerokuBuildException e) {
      throw new CnbException(e.exitCode() == HerokuExitCode.ENGINE_BUILD_FAILED ? CnbExitCode.ENGINE_BUILD_FAILED
          : CnbExitCode.IO_ERROR, e.getMessage(), e);
    }
    Layers.deleteRecursively(app.resolve("target/streams"));
  }

  /** Puts links to the layers where the app layout of the Heroku front-end has the installs. */
  private void linkIntoApp(Path app, Layers layers, boolean engine) throws CnbException, IOException {
    link(app.resolve(AppLayout.TOOLKIT_DIR).resolve("jre"), layers.contents(TOOLKIT).resolve("jre"),
        "the toolkit layer");
    link(app.resolve(AppLayout.TOOLKIT_JAR), layers.contents(TOOLKIT).resolve("lib/pio-data.jar"),
        "the toolkit layer");
    Path pioHome = app.resolve(AppLayout.PIO_HOME);
    if (engine) {
      link(pioHome, layers.contents(PREDICTIONIO).resolve("dist"), "the PredictionIO layer");
    } else if (Files.isSymbolicLink(pioHome)) {
      Files.delete(pioHome);
    }
  }

  /** Makes {@code link} a symbolic link to {@code target}; refuses to replace a real file or directory. */
  private static void link(Path link, Path target, String what) throws IOException {
    if (Files.isSymbolicLink(link)) {
      if (Files.readSymbolicLink(link).equals(target)) {
        return;
      }
      Files.delete(link);
    } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(link + " exists and is not a link: the buildpack puts a link to " + what
          + " there; remove it from the app");
    }
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, target);
  }

  /** The work that fills a layer directory. */
  @FunctionalInterface
  private interface Contribution {
    List<LayerArtifact> into(Path layerDir) throws InstallException, IOException;
  }

  /** Whether a restored layer's contents are there. */
  @FunctionalInterface
  private interface ContentsCheck {
    boolean present(Path layerDir) throws IOException;
  }

  /**
   * Keeps a restored layer or rebuilds it. On failure the layer is removed entirely: no {@code <layer>.toml}, no
   * contents, so nothing half-built is exported or cached.
   */
  private List<LayerArtifact> contribute(Layers layers, LayerSpec spec, ContentsCheck contents,
      Contribution contribution) throws InstallException, IOException {
    Layers.Restored restored = layers.restored(spec.name());
    Path dir = layers.contents(spec.name());
    Optional<String> reason = restored.problem().isPresent() ? restored.problem()
        : spec.replaceReason(restored.metadata(), Toolkit.version(), contents.present(dir));
    if (reason.isEmpty()) {
      List<LayerArtifact> kept = restored.metadata().orElseThrow().artifacts();
      log.stepStarted("Layer " + spec.name() + ": reusing " + describe(kept) + " (unchanged)");
      return kept;
    }
    log.stepStarted("Layer " + spec.name() + ": installing " + describe(spec.artifacts()) + " (" + reason.get() + ")");
    layers.remove(spec.name());
    Files.createDirectories(dir);
    boolean done = false;
    try {
      List<LayerArtifact> installed = contribution.into(dir);
      done = true;
      return installed;
    } finally {
      if (!done) {
        try {
          layers.remove(spec.name());
        } catch (IOException ignored) {
          // the lifecycle drops a layer without <layer>.toml
        }
      }
    }
  }

  private void finish(Layers layers, LayerSpec spec, List<LayerArtifact> installed) throws IOException {
    CycloneDxSbom.write(layers.sbom(spec.name()), installed);
    layers.writeToml(spec.name(), spec.types(), new LayerMetadata(LayerSpec.LAYER_FORMAT, Toolkit.version(),
        installed, spec.inputs()));
  }

  /** The installer with the listener that reports its events. */
  private record Installing(Installer installer, InstallEvents events) {
    LayerArtifact install(Artifact artifact, Path destination) throws InstallException {
      return LayerArtifact.installed(installer.install(artifact, destination, events).record());
    }
  }

  private static boolean recorded(Path destination) throws IOException {
    return Files.exists(destination, LinkOption.NOFOLLOW_LINKS) && InstallRecord.read(destination).isPresent();
  }

  private static String describe(List<LayerArtifact> artifacts) {
    return String.join(", ", artifacts.stream().map(a -> a.name() + " " + a.version()).toList());
  }

  private static String sha256(Path file) throws IOException {
    ChecksumAlgorithm algorithm = ChecksumAlgorithm.SHA256;
    java.security.MessageDigest digest = algorithm.newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return Checksum.of(algorithm, digest.digest()).toString();
  }
}
