package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.server.EventServer;
import io.piobuildpack.core.server.EventServerConfig;
import io.piobuildpack.core.server.EventServerSelfTest;
import io.piobuildpack.core.server.EventServerStartException;
import io.piobuildpack.core.server.InvalidListenAddressException;
import io.piobuildpack.core.server.ListenAddress;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data eventserver}: PredictionIO's Event API on the configured store until the process is stopped.
 * On SIGTERM it stops accepting, finishes the requests in flight (at most 20 s) and closes the store.
 */
@Command(name = "eventserver", mixinStandardHelpOptions = true,
    description = {"Serve PredictionIO's Event API (pio eventserver) on the configured event store.",
        "Listens on PORT when that variable is set (Heroku), else on --port; stops gracefully on SIGTERM."})
final class EventServerCommand implements Callable<Integer>, WarmsUp {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Option(names = "--ip", paramLabel = "IP", description = "Interface to listen on (default: 0.0.0.0).")
  private String ip;

  @Option(names = "--port", paramLabel = "PORT",
      description = "Port to listen on (default: 7070); the PORT variable wins when set.")
  private Integer port;

  @Option(names = "--stats", description = "Count stored events per app, served at /stats.json.")
  private boolean stats;

  @Option(names = "--self-test", description = {
      "Start on a loopback port over a temporary embedded store, send one request of each kind, check the answers,"
          + " stop and exit (0 when all are as PredictionIO's server would answer). Never touches the configured"
          + " store. The pio-data launcher runs it once to record its class-data archive (faster starts)."})
  private boolean selfTest;

  @Override
  public void warmUp() {
    EventServer.warmUp();
  }

  @Override
  public Integer call() throws InterruptedException {
    if (selfTest) {
      return selfTest();
    }
    ListenAddress address;
    try {
      address = ListenAddress.resolve(ip, port, CliContext.of(spec).env());
    } catch (InvalidListenAddressException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage());
    }
    String portSetting = ListenAddress.portSetting(port, CliContext.of(spec).env());
    PioConsole console = PioConsole.of(spec);
    if (portSetting.equals(ListenAddress.PORT_VARIABLE) && port != null && port != address.port()) {
      console.warn(Logger.MANAGEMENT, "--port " + port + " is ignored: the PORT variable is set (" + address.port()
          + ") and wins, as on Heroku, where the app must listen on PORT.");
    }
    console.info(Logger.MANAGEMENT, "Creating Event Server at " + address + " (port from " + portSetting + ")");
    EventStore events = StoreConnector.open(spec, store);
    EventServer server;
    try {
      server = EventServer.start(EventServerConfig.defaults(address).withStats(stats), events);
    } catch (EventServerStartException e) {
      events.close();
      throw new CliException(ExitCode.RETRY_LATER, e.getMessage() + "\n" + bindHint(portSetting, address.port()));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      events.close();
    }, "eventserver-shutdown"));
    server.join();
    return ExitCode.SUCCESS.code();
  }

  /** What to change when the port is taken, naming the setting the port came from. */
  static String bindHint(String portSetting, int port) {
    return switch (portSetting) {
      case ListenAddress.PORT_VARIABLE -> "Another process may be using the port; the port comes from the PORT"
          + " variable (PORT=" + port + "), which wins over --port: set PORT to another port, or stop that process.";
      case "--port" -> "Another process may be using the port; choose another with --port or stop it.";
      default -> "Another process may be using the port " + port + " (the default); choose another with --port"
          + " or stop it.";
    };
  }

  private int selfTest() {
    if (spec.commandLine().getParseResult().matchedOptions().size() > 1) {
      throw new CliException(ExitCode.USAGE, "--self-test runs on its own temporary store and loopback port;"
          + " it takes no other option (it never tests the configured store)");
    }
    Path directory;
    try {
      directory = Files.createTempDirectory("pio-data-self-test");
    } catch (IOException e) {
      throw new CliException(ExitCode.OUTPUT_UNWRITABLE, "cannot create a temporary directory for the self-test: " + e);
    }
    EventServerSelfTest.Result result;
    try (EventStore events = JdbcEventStore.open(
        StorageSettings.of("jdbc:sqlite:" + directory.resolve("self-test.db"), null, null))) {
      result = new EventServerSelfTest(events).run();
    } finally {
      deleteFlatDirectory(directory);
    }
    spec.commandLine().getOut().printf("Event server self-test passed: %d requests answered as expected in %d ms"
        + " (temporary embedded store, %s).%n", result.requests(), result.took().toMillis(),
        Files.exists(directory) ? "left in " + directory : "deleted");
    return ExitCode.SUCCESS.code();
  }

  /** Deletes the self-test's directory (the database and its journal files; no subdirectories) if it can. */
  private static void deleteFlatDirectory(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // Not worth failing the self-test for: the result line says where the directory was left.
    }
  }
}
