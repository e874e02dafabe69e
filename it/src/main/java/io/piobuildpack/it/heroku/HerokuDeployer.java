package io.piobuildpack.it.heroku;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deploys an app with a classic buildpack the way {@code git push heroku main} does, on this machine:
 *
 * <ol>
 *   <li>the pushed commit is checked out into a fresh {@code builds/build_<n>} directory ({@code BUILD_DIR});
 *   <li>{@code bin/detect}, {@code bin/compile BUILD_DIR CACHE_DIR ENV_DIR} (the cache directory kept between
 *       deployments, {@code ENV_DIR} written from the config vars), {@code bin/release};
 *   <li>the build directory becomes the slug, unpacked at the app directory ({@code /app} on Heroku, here
 *       {@code <work>/app}): moved, so nothing may depend on the build-time path;
 *   <li>the release phase: the {@code release} process type, if declared, runs to its end in a one-off dyno;
 *       a non-zero exit fails the deployment and nothing is started
 *       (https://devcenter.heroku.com/articles/release-phase);
 *   <li>the {@code web} process starts with {@code PORT} and must bind it within the boot timeout.
 * </ol>
 *
 * <p>Work directory layout: {@code cache/}, {@code env/}, {@code builds/}, {@code app/}, {@code logs/}, {@code home/}.
 * The previous deployment's processes are stopped before the next slug is unpacked (its dynos are replaced). Close
 * the deployer to stop the last deployment's processes.
 */
public final class HerokuDeployer implements Deployer {

  /** The stack the build reports in {@code STACK} (https://devcenter.heroku.com/articles/stack). */
  public static final String STACK = "heroku-24";

  private final HerokuBuildpack buildpack;
  private final Path work;
  private final DeploySettings settings;
  private final PhaseRunner runner;
  private final DeploymentHistory history = new DeploymentHistory();

  /**
   * @param buildpackDir the packaged buildpack's root
   * @param work an empty or earlier-used work directory for this app
   * @throws IllegalArgumentException when {@code buildpackDir} has no executable {@code bin/compile}
   */
  public HerokuDeployer(Path buildpackDir, Path work, DeploySettings settings) {
    this.runner = new PhaseRunner(settings.phaseTimeout(), settings.listener());
    this.buildpack = new HerokuBuildpack(buildpackDir, runner);
    this.work = work.toAbsolutePath().normalize();
    this.settings = settings;
  }

  /** {@code CACHE_DIR}, kept between deployments. */
  public Path cacheDir() {
    return work.resolve("cache");
  }

  /** Where the slug is unpacked and the processes run. */
  public Path appDir() {
    return work.resolve("app");
  }

  /**
   * Deploys the app's current commit (or directory contents) with these config vars.
   *
   * @throws UncheckedIOException when the work directory cannot be written
   */
  @Override
  public Deployment deploy(AppSource source, Map<String, String> configVars) {
    Instant start = Instant.now();
    int number = history.next();
    List<PhaseResult> phases = new ArrayList<>();
    List<StartedProcess> processes = new ArrayList<>();
    Path buildDir = work.resolve("builds").resolve("build_" + number);
    Trees.delete(buildDir);
    SourceCheckout checkout = source.checkOut(buildDir);
    Map<String, String> buildEnv = buildEnvironment(checkout);
    Path envDir = HerokuBuildpack.writeEnvDir(Trees.fresh(work.resolve("env")), configVars);
    Path app = appDir();

    boolean unpacked = false;
    PhaseResult detect = buildpack.detect(buildDir, buildEnv);
    phases.add(detect);
    if (detect.succeeded()) {
      PhaseResult compile = buildpack.compile(buildDir, cacheDir(), envDir, buildEnv);
      phases.add(compile);
      if (compile.succeeded()) {
        PhaseResult release = buildpack.release(buildDir, buildEnv);
        phases.add(release);
        if (release.succeeded()) {
          Trees.delete(app);
          move(buildDir, app);
          unpacked = true;
          Procfile procfile = Procfile.of(app, HerokuBuildpack.defaultProcessTypes(release));
          Dyno dyno = new Dyno(app, runner);
          boolean released = true;
          if (procfile.command("release").isPresent()) {
            PhaseResult releasePhase = dyno.run("release", procfile.command("release").get(), configVars,
                "release." + number);
            phases.add(releasePhase);
            released = releasePhase.succeeded();
          }
          if (released && settings.startProcesses() && procfile.command("web").isPresent()) {
            int port = Ports.free();
            RunningProcess web = dyno.start("web", procfile.command("web").get(), configVars, "web.1", port,
                work.resolve("logs").resolve("web-v" + number + ".log"));
            processes.add(new StartedProcess(web, web.awaitListening(settings.bootTimeout())));
          }
        }
      }
    }
    Path runsAt = unpacked ? app : buildDir;
    return history.record(new Deployment("heroku", number, runsAt, checkout.sourceVersion(), phases, processes,
        DirectorySize.of(runsAt), Duration.between(start, Instant.now())));
  }

  /**
   * Starts only the build of the app's current source (checkout into a fresh {@code builds/build_<n>}, {@code
   * ENV_DIR}, {@code bin/compile} with the cache kept between deployments), without waiting for it: to kill a build
   * mid-way, as a cancelled {@code git push} or a killed build container ends it. Nothing is released or started; the
   * next {@link #deploy} uses the same cache. The previous deployment's processes keep running.
   *
   * @throws UncheckedIOException when the work directory cannot be written
   */
  public StartedCompile startCompile(AppSource source, Map<String, String> configVars) {
    int number = history.nextBuild();
    Path buildDir = work.resolve("builds").resolve("build_" + number);
    Trees.delete(buildDir);
    SourceCheckout checkout = source.checkOut(buildDir);
    Path envDir = HerokuBuildpack.writeEnvDir(Trees.fresh(work.resolve("env")), configVars);
    RunningProcess compile = buildpack.startCompile(buildDir, cacheDir(), envDir, buildEnvironment(checkout),
        work.resolve("logs").resolve("compile-v" + number + ".log"));
    return new StartedCompile(buildDir, compile);
  }

  /**
   * A {@code bin/compile} started by {@link #startCompile} and still running (or killed).
   *
   * @param buildDir its {@code BUILD_DIR}
   * @param process the running {@code bin/compile}; {@link RunningProcess#kill()} ends it with its descendants
   */
  public record StartedCompile(Path buildDir, RunningProcess process) implements AutoCloseable {

    /** Kills the compile if it still runs. */
    @Override
    public void close() {
      process.kill();
    }
  }

  private Map<String, String> buildEnvironment(SourceCheckout checkout) {
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", Dyno.STACK_PATH);
    env.put("HOME", Trees.fresh(work.resolve("home")).toString());
    env.put("LANG", "en_US.UTF-8");
    env.put("STACK", STACK);
    checkout.sourceVersion().ifPresent(sha -> env.put("SOURCE_VERSION", sha));
    env.putAll(settings.buildEnvironment());
    return env;
  }

  @Override
  public void close() {
    history.stopLast();
  }

  private static void move(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.move(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the slug " + from + " at " + to, e);
    }
  }
}
