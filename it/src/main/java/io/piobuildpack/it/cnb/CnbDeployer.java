package io.piobuildpack.it.cnb;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.it.deploy.DeploySettings;
import io.piobuildpack.it.deploy.Deployer;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.deploy.Deployment.StartedProcess;
import io.piobuildpack.it.deploy.DeploymentHistory;
import io.piobuildpack.it.deploy.DirectorySize;
import io.piobuildpack.it.deploy.Ports;
import io.piobuildpack.it.files.Trees;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.PhaseRunner;
import io.piobuildpack.it.process.RunningProcess;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.it.source.SourceCheckout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds and runs an app with a Cloud Native Buildpack the way a platform ({@code pack build}, then running the
 * image) does, on this machine, with {@link CnbLifecycle} standing in for the lifecycle:
 *
 * <ol>
 *   <li>the app is checked out into the workspace (the same path every build, like {@code /workspace});
 *   <li>the config vars become {@code <platform>/env/<NAME>} files (https://github.com/buildpacks/spec/blob/main/platform.md);
 *   <li>{@code bin/detect}, the Buildpack Plan of the first alternative that resolves with this buildpack alone
 *       ({@link CnbLifecycle#aloneAlternative}), {@code bin/build}; from the second build on
 *       the layers directory is first restored the way the lifecycle restores it (cached layers with contents,
 *       launch layers with metadata only; {@link CnbLifecycle#restoreForRebuild});
 *   <li>the {@code release} process of {@code launch.toml}, if there is one, runs to its end (as a platform's
 *       release step would), a non-zero exit failing the deployment;
 *   <li>the default process (else the first other than {@code release}) starts with {@code PORT} and the config
 *       vars in its environment, the launch layers' env files and {@code exec.d} applied, and must bind {@code PORT}
 *       within the boot timeout.
 * </ol>
 *
 * <p>When this runs as root the phases and processes run as {@code nobody}, as the lifecycle refuses root. Work
 * directory layout: {@code workspace/}, {@code layers/<escaped buildpack id>/}, {@code platform/}, {@code home/},
 * {@code plan.toml}, {@code bp-plan.toml}, {@code logs/}.
 */
public final class CnbDeployer implements Deployer {

  private static final TomlMapper TOML = new TomlMapper();

  private final Path work;
  private final DeploySettings settings;
  private final PhaseRunner runner;
  private final CnbLifecycle lifecycle;
  private final Path layers;
  private final DeploymentHistory history = new DeploymentHistory();

  /**
   * @param buildpackDir the buildpack's root (holding {@code buildpack.toml} and {@code bin/})
   * @param work an empty or earlier-used work directory for this app
   * @throws UncheckedIOException when {@code buildpack.toml} cannot be read or the work directory not created
   * @throws IllegalArgumentException run as root, when the build user cannot reach {@code work} (naming the
   *     directory to open)
   */
  public CnbDeployer(Path buildpackDir, Path work, DeploySettings settings) {
    this.work = work.toAbsolutePath().normalize();
    this.settings = settings;
    this.runner = new PhaseRunner(settings.phaseTimeout(), settings.listener());
    requireReachableByBuildUser(this.work);
    try {
      Path home = Files.createDirectories(this.work.resolve("home"));
      this.lifecycle = new CnbLifecycle(buildpackDir.toAbsolutePath().normalize(), home, runner);
      this.layers = this.work.resolve("layers").resolve(escapedId(buildpackDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + work, e);
    }
  }

  /**
   * Run as root the phases and processes run as {@code nobody} ({@link CnbLifecycle#USER_ID}), who must be able to
   * reach the work directory: every existing parent must be searchable by that user.
   *
   * @throws IllegalArgumentException naming the first parent that is not, and the fix
   */
  static void requireReachableByBuildUser(Path work) {
    if (!CnbLifecycle.runningAsRoot()) {
      return;
    }
    for (Path dir = work.getParent(); dir != null; dir = dir.getParent()) {
      try {
        if (!Files.exists(dir)) {
          continue;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        boolean owned = ((Integer) Files.getAttribute(dir, "unix:uid")) == CnbLifecycle.USER_ID;
        if (!permissions.contains(owned ? PosixFilePermission.OWNER_EXECUTE : PosixFilePermission.OTHERS_EXECUTE)) {
          throw new IllegalArgumentException("the CNB phases run as user nobody (uid " + CnbLifecycle.USER_ID
              + ") when started as root, and " + dir + " is not searchable by it: chmod o+x " + dir
              + ", or choose a work directory under /tmp");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the permissions of " + dir, e);
      }
    }
  }

  /**
   * The buildpack's id with {@code /} replaced by {@code _}, the name of its layers directory
   * (https://github.com/buildpacks/spec/blob/main/buildpack.md#layers).
   */
  static String escapedId(Path buildpackDir) throws IOException {
    String id = TOML.readTree(Files.readString(buildpackDir.resolve("buildpack.toml"))).path("buildpack").path("id")
        .asText();
    if (id.isEmpty()) {
      throw new IOException(buildpackDir.resolve("buildpack.toml") + " has no [buildpack] id");
    }
    return id.replace('/', '_');
  }

  /** This buildpack's layers directory. */
  public Path layersDir() {
    return layers;
  }

  /** The workspace (the app directory at build and launch). */
  public Path workspace() {
    return work.resolve("workspace");
  }

  /** The platform directory ({@code env/} holds the config vars). */
  public Path platformDir() {
    return work.resolve("platform");
  }

  /**
   * Builds the app's current commit (or directory contents) with these config vars, then runs it.
   *
   * @throws UncheckedIOException when the work directory cannot be written
   */
  @Override
  public Deployment deploy(AppSource source, Map<String, String> configVars) {
    Instant start = Instant.now();
    int number = history.next();
    List<PhaseResult> phases = new ArrayList<>();
    List<StartedProcess> processes = new ArrayList<>();
    try {
      SourceCheckout checkout = source.checkOut(Trees.fresh(workspace()));
      Path platform = platformDir();
      Path envDir = Trees.fresh(platform.resolve("env"));
      for (Map.Entry<String, String> var : configVars.entrySet()) {
        Files.writeString(envDir.resolve(var.getKey()), var.getValue());
      }
      if (number == 1) {
        Trees.fresh(layers);
      } else {
        CnbLifecycle.restoreForRebuild(layers);
      }
      Path plan = work.resolve("plan.toml");
      Path bpPlan = work.resolve("bp-plan.toml");
      Files.deleteIfExists(plan);
      CnbLifecycle.handOver(work);
      PhaseResult detect = lifecycle.detect(workspace(), platform, plan, true, Map.of());
      phases.add(detect);
      if (detect.succeeded()) {
        CnbLifecycle.writeBuildpackPlan(plan, CnbLifecycle.aloneAlternative(plan), bpPlan);
        CnbLifecycle.handOver(work);
        PhaseResult build = lifecycle.build(workspace(), layers, platform, bpPlan, true,
            settings.buildEnvironment());
        phases.add(build);
        if (build.succeeded() && settings.startProcesses()) {
          launch(number, configVars, phases, processes);
        }
      }
      return history.record(new Deployment("cnb", number, workspace(), checkout.sourceVersion(), phases, processes,
          DirectorySize.of(workspace()) + launchLayersSize(), Duration.between(start, Instant.now())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot deploy into " + work, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void launch(int number, Map<String, String> configVars, List<PhaseResult> phases,
      List<StartedProcess> processes) throws IOException, InterruptedException {
    List<String> types = CnbLifecycle.processTypes(layers);
    if (types.contains("release")) {
      PhaseResult release = runToEnd("release", configVars, work.resolve("logs").resolve("release-" + number + ".log"));
      phases.add(release);
      if (!release.succeeded()) {
        return;
      }
    }
    Optional<String> main = types.stream().filter(t -> !t.equals("release")).findFirst();
    if (main.isEmpty()) {
      return;
    }
    Map<String, String> env = new HashMap<>(configVars);
    env.put("PORT", Integer.toString(Ports.free()));
    RunningProcess process = lifecycle.launch(workspace(), layers, main.get(), env,
        work.resolve("logs").resolve(main.get() + "-" + number + ".log"));
    processes.add(new StartedProcess(process, process.awaitListening(settings.bootTimeout())));
  }

  /** Runs a process type of {@code launch.toml} to its end, as a one-off container. */
  public PhaseResult runToEnd(String type, Map<String, String> configVars, Path log)
      throws IOException, InterruptedException {
    Instant start = Instant.now();
    RunningProcess process = lifecycle.launch(workspace(), layers, type, configVars, log);
    try {
      boolean exited = process.awaitExit(settings.phaseTimeout());
      process.close();
      int exitCode = exited ? process.exitCode() : 124;
      String killed = exited ? "" : "\n(killed after " + settings.phaseTimeout().toSeconds() + " s)";
      return new PhaseResult(type + " process", process.command(), exitCode, process.log() + killed, "",
          Duration.between(start, Instant.now()));
    } finally {
      process.close();
    }
  }

  private long launchLayersSize() throws IOException {
    long total = 0;
    for (String layer : CnbLifecycle.launchLayers(layers)) {
      total += DirectorySize.of(layers.resolve(layer));
    }
    return total;
  }

  @Override
  public void close() {
    history.stopLast();
  }
}
