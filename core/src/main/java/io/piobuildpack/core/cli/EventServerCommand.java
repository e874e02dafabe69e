package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.server.EventServer;
import io.piobuildpack.core.server.EventServerConfig;
import io.piobuildpack.core.server.EventServerStartException;
import io.piobuildpack.core.server.InvalidListenAddressException;
import io.piobuildpack.core.server.ListenAddress;
import io.piobuildpack.core.store.EventStore;
import java.util.concurrent.Callable;
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
final class EventServerCommand implements Callable<Integer> {

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

  @Override
  public Integer call() throws InterruptedException {
    ListenAddress address;
    try {
      address = ListenAddress.resolve(ip, port, CliContext.of(spec).env());
    } catch (InvalidListenAddressException e) {
      throw new CliException(ExitCode.USAGE, e.getMessage());
    }
    PioConsole.of(spec).info(Logger.MANAGEMENT, "Creating Event Server at " + address);
    EventStore events = StoreConnector.open(spec, store);
    EventServer server;
    try {
      server = EventServer.start(EventServerConfig.defaults(address).withStats(stats), events);
    } catch (EventServerStartException e) {
      events.close();
      throw new CliException(ExitCode.RETRY_LATER, e.getMessage()
          + "\nAnother process may be using the port; choose another with --port or stop it.");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      events.close();
    }, "eventserver-shutdown"));
    server.join();
    return ExitCode.SUCCESS.code();
  }
}
