package io.piobuildpack.it;

import io.piobuildpack.it.cnb.CnbDeployer;
import io.piobuildpack.it.deploy.BuildpackCopy;
import io.piobuildpack.it.deploy.ConfigVars;
import io.piobuildpack.it.deploy.DeploySettings;
import io.piobuildpack.it.deploy.Deployer;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.deploy.DeploymentPrinter;
import io.piobuildpack.it.deploy.LivePhasePrinter;
import io.piobuildpack.it.heroku.HerokuDeployer;
import io.piobuildpack.it.process.PhaseTimeoutException;
import io.piobuildpack.it.process.Processes;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.it.store.StoreInspector;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code try-deploy}: deploys an app directory on this machine the way Heroku or a CNB platform would, with the
 * packaged buildpack, and prints each phase's output and a summary. See README.md, "Try your engine before you
 * push".
 */
@Command(name = "try-deploy", mixinStandardHelpOptions = true, sortOptions = false,
    version = "try-deploy (pio-buildpack integration harness)",
    description = "Deploys APP_DIR with the packaged buildpack as Heroku (detect, compile, release, slug, release "
        + "phase, web) or a CNB platform (detect, build, rebuild with restored layers, release and default "
        + "processes) would, on this machine, and prints each phase's output and a summary: exit codes, processes "
        + "started, the events in the store, the app's size. A git repository deploys its committed HEAD, as git "
        + "push does.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:every deployment succeeded (every phase exited 0, every process bound its port)",
        " 1:a deployment failed (the summary names the phase)",
        " 2:usage error, nothing run (unknown option, bad NAME=VALUE, missing app directory, buildpack, inventory "
            + "or mirror, a git repository with no commit, a work directory that is a file)"})
public final class TryDeploy implements Callable<Integer> {

  /** Exit code when a deployment failed. */
  public static final int FAILED = 1;

  /** Exit code of a usage error (picocli's). */
  public static final int USAGE = 2;

  @Parameters(index = "0", paramLabel = "APP_DIR", description = "The app to deploy (a git repository or a plain directory).")
  Path appDir;

  @Option(names = "--platform", defaultValue = "heroku", paramLabel = "heroku|cnb", description = "heroku or cnb (default: ${DEFAULT-VALUE}).")
  String platform;

  @Option(names = {"-c", "--config"}, paramLabel = "NAME=VALUE",
      description = "A config var (repeatable), e.g. PIO_EVENTSERVER_APP_NAME=my-app.")
  List<String> config = new ArrayList<>();

  @Option(names = "--config-file", paramLabel = "FILE",
      description = "Config vars, one NAME=VALUE per line (heroku config --shell output, a .env file).")
  Path configFile;

  @Option(names = "--database-url", paramLabel = "URL",
      description = "The app's DATABASE_URL (postgres://user:password@host:5432/db); without it the data hooks "
          + "report a transient error and load nothing, as on Heroku before a database is attached.")
  String databaseUrl;

  @Option(names = "--mirror", paramLabel = "DIR|URL",
      description = "Where the downloads come from instead of their upstream URLs (PIO_DEPENDENCY_MIRROR): a "
          + "directory holding the files under their own names, or a base URL. Checksums are still verified.")
  String mirror;

  @Option(names = "--inventory", paramLabel = "FILE",
      description = "Another inventory.json (URLs and checksums of every download), e.g. for a private mirror of "
          + "other releases.")
  Path inventory;

  @Option(names = "--buildpack", paramLabel = "DIR", description = "The packaged buildpack (default: "
      + "buildpack/target/buildpack of this repository, built by ./try-deploy).")
  Path buildpack = Path.of(System.getProperty("pio.buildpack", "buildpack/target/buildpack"));

  @Option(names = "--work", paramLabel = "DIR",
      description = "Work directory kept between runs (build cache, layers, the running app); default a new "
          + "temporary directory, printed at the end.")
  Path work;

  @Option(names = "--deploys", defaultValue = "1", paramLabel = "N",
      description = "Deploy N times in a row (the second shows the warm cache and the sync hook).")
  int deploys;

  @Option(names = "--boot-timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "How long the web process may take to bind PORT (Heroku: 60).")
  long bootSeconds;

  @Option(names = "--keep-running", description = "Leave the last deployment's processes running until Ctrl-C.")
  boolean keepRunning;

  private final PrintStream out;
  private final PrintStream err;

  TryDeploy(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command; exits with its code. */
  public static void main(String[] args) {
    System.exit(run(new PrintStream(System.out, true, StandardCharsets.UTF_8),
        new PrintStream(System.err, true, StandardCharsets.UTF_8), args));
  }

  /**
   * Runs the command: the deployments' output and summaries to {@code out}, usage errors and what stopped the
   * harness itself to {@code err}.
   *
   * @return the exit code (0, {@link #FAILED} or {@link #USAGE})
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return new CommandLine(new TryDeploy(out, err)).setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)).execute(args);
  }

  @Override
  public Integer call() {
    Map<String, String> configVars;
    try {
      configVars = configVars();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return usage(e.getMessage());
    }
    Optional<String> invalid = invalidOption();
    if (invalid.isPresent()) {
      return usage(invalid.get());
    }
    AppSource source = new AppSource(appDir);
    try {
      source.commit();
    } catch (IllegalStateException | UncheckedIOException e) {
      return usage(e.getMessage());
    }
    Path workDir;
    try {
      workDir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("try-deploy-");
    } catch (IOException e) {
      return usage("cannot create the work directory " + (work != null ? work : "") + " (" + e + ")");
    }
    LivePhasePrinter live = new LivePhasePrinter(out);
    DeploySettings settings = DeploySettings.defaults().withBootTimeout(Duration.ofSeconds(bootSeconds))
        .withListener(live);
    boolean allSucceeded = true;
    Deployer created;
    try {
      created = deployer(workDir, settings);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return usage(e.getMessage());
    }
    // Ctrl-C or a kill of this command ends the JVM: no phase or process it started may outlive it
    Thread stopProcesses = new Thread(Processes::stopDescendantsOfThisJvm, "try-deploy-stop-processes");
    Runtime.getRuntime().addShutdownHook(stopProcesses);
    try (Deployer deployer = created) {
      DeploymentPrinter printer = new DeploymentPrinter(out);
      for (int i = 1; i <= deploys; i++) {
        out.printf("-----> %s deployment %d of %d: %s%n", platform, i, deploys, appDir.toAbsolutePath().normalize());
        Deployment deployment = deployer.deploy(source, configVars);
        printer.printPhases(deployment, live.takeShown());
        printer.printSummary(deployment, StoreInspector.inspect(configVars, deployment.appDir()));
        allSucceeded &= deployment.succeeded();
        if (!deployment.succeeded()) {
          break;
        }
      }
      out.printf("%nWork directory (cache, layers, the app as it ran): %s%n", workDir);
      if (keepRunning && allSucceeded) {
        out.println("Processes left running; press Ctrl-C to stop them.");
        awaitInterrupt();
      }
    } catch (PhaseTimeoutException e) {
      out.println(e.output());
      err.println("try-deploy: " + e.getMessage());
      return FAILED;
    } catch (UncheckedIOException | IllegalStateException e) {
      // the harness itself could not go on (the work directory, the app's files): a message, not a stack trace
      err.println("try-deploy: " + e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
      return FAILED;
    } finally {
      removeShutdownHook(stopProcesses);
    }
    return allSucceeded ? 0 : FAILED;
  }

  /** The first option that cannot work, as a message naming it; checked before anything is created. */
  private Optional<String> invalidOption() {
    if (!Files.isDirectory(appDir)) {
      return Optional.of("APP_DIR " + appDir + " is not a directory");
    }
    if (!Files.isDirectory(buildpack) || !Files.isExecutable(buildpack.resolve("bin/compile"))) {
      return Optional.of("--buildpack " + buildpack + " is not a packaged buildpack (no bin/compile); run "
          + "./mvnw -pl buildpack -am package -DskipTests");
    }
    if (!platform.equals("heroku") && !platform.equals("cnb")) {
      return Optional.of("--platform must be heroku or cnb, not " + platform);
    }
    if (deploys < 1) {
      return Optional.of("--deploys must be 1 or more");
    }
    if (bootSeconds < 1) {
      return Optional.of("--boot-timeout must be 1 second or more");
    }
    if (work != null && Files.exists(work) && !Files.isDirectory(work)) {
      return Optional.of("--work " + work + " is not a directory");
    }
    if (inventory != null && !Files.isRegularFile(inventory)) {
      return Optional.of("--inventory " + inventory + " is not a file");
    }
    return Optional.empty();
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the processes
    }
  }

  private Deployer deployer(Path workDir, DeploySettings settings) {
    Path packaged = buildpack.toAbsolutePath().normalize();
    switch (platform) {
      case "heroku" -> {
        if (inventory != null) {
          settings = settings.withBuildEnvironment(Map.of("PIO_BUILDPACK_INVENTORY",
              inventory.toAbsolutePath().normalize().toString()));
        }
        return new HerokuDeployer(packaged, workDir, settings);
      }
      case "cnb" -> {
        Path buildpackDir = packaged;
        if (inventory != null) {
          buildpackDir = BuildpackCopy.copy(packaged, workDir.resolve("buildpack"));
          try {
            Files.copy(inventory, buildpackDir.resolve("inventory.json"));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + inventory + " into " + buildpackDir, e);
          }
        }
        return new CnbDeployer(buildpackDir, workDir, settings);
      }
      default -> throw new IllegalArgumentException("unknown platform " + platform);
    }
  }

  private Map<String, String> configVars() {
    Map<String, String> vars = new LinkedHashMap<>();
    if (configFile != null) {
      vars.putAll(ConfigVars.read(configFile));
    }
    for (String assignment : config) {
      Map.Entry<String, String> var = ConfigVars.parse(assignment, "--config");
      vars.put(var.getKey(), var.getValue());
    }
    if (databaseUrl != null) {
      vars.put("DATABASE_URL", databaseUrl);
    }
    if (mirror != null) {
      vars.put("PIO_DEPENDENCY_MIRROR", mirror());
    }
    return vars;
  }

  /** {@code --mirror}: a URL as given, a directory made absolute (the buildpack runs in another directory). */
  private String mirror() {
    if (mirror.startsWith("http://") || mirror.startsWith("https://") || mirror.startsWith("file:")) {
      return mirror;
    }
    Path dir = Path.of(mirror).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--mirror " + mirror + " is neither an http(s) URL nor a directory");
    }
    return dir.toString();
  }

  private int usage(String message) {
    err.println("try-deploy: " + message);
    return USAGE;
  }

  /** Waits for Ctrl-C; the JVM's shutdown hook then stops the processes (the main thread never resumes). */
  private static void awaitInterrupt() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
