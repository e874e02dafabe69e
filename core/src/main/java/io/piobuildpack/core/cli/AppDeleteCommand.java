package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data app delete}: deletes the app, its channels, event tables and access keys in one transaction
 * (PredictionIO's is not transactional and reports success after partial failures).
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Delete an app with all its channels, events and access keys (all or nothing).")
final class AppDeleteCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
  private boolean force;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the app.")
  private String name;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.open(spec, store)) {
      App app = AppLookup.byName(events, name, console);
      List<Channel> channels = events.channels().listByApp(app.id());
      List<AccessKey> keys = events.accessKeys().listByApp(app.id());
      console.info(Logger.PIO, "The following app (including all channels) will be deleted. Are you sure?");
      AppSummary.print(console, app);
      AppSummary.printChannels(console, channels, "    Channels: ");
      if (!Confirmation.of(spec, console).confirm(force)) {
        return ExitCode.SUCCESS.code();
      }
      events.apps().delete(app.id());
      for (Channel channel : channels) {
        console.info(Logger.APP, "Removed Event Store of the channel ID: " + channel.id());
        console.info(Logger.APP, "Deleted channel " + channel.name());
      }
      console.info(Logger.APP, "Removed Event Store for this app ID: " + app.id());
      for (AccessKey key : keys) {
        console.info(Logger.APP, "Removed access key " + PioConsole.maskKey(key.key()));
      }
      console.info(Logger.APP, "Deleted app " + app.name() + ".");
      console.info(Logger.APP, "Done.");
      return ExitCode.SUCCESS.code();
    }
  }
}
