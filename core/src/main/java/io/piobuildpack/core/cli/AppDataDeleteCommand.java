package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.text.Counts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data app data-delete}: deletes the events of the default channel, one channel, or all channels,
 * in one transaction (PredictionIO drops and re-creates each table, which can leave it missing).
 */
@Command(name = "data-delete", mixinStandardHelpOptions = true,
    description = "Delete the events of an app: default channel, --channel C, or --all (atomically).")
final class AppDataDeleteCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Option(names = "--channel", paramLabel = "CHANNEL", description = "Delete only this channel's events.")
  private String channelName;

  @Option(names = "--all", description = "Delete the events of the default channel and every channel.")
  private boolean all;

  @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
  private boolean force;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the app.")
  private String name;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.open(spec, store)) {
      App app = AppLookup.byName(events, name, console);
      Optional<Channel> channel = Optional.empty();
      if (channelName != null) {
        channel = events.channels().find(app.id(), channelName);
        if (channel.isEmpty()) {
          console.error(Logger.PIO, "Unable to delete data for channel.");
          console.error(Logger.PIO, "Channel " + channelName + " doesn't exist.");
          return ExitCode.NOT_FOUND.code();
        }
      }
      List<Channel> channels = events.channels().listByApp(app.id());
      confirmationHeader(console, channel);
      AppSummary.print(console, app);
      if (all) {
        // not in PredictionIO 0.11+ (0.10 showed it): which channels --all empties, after PredictionIO's lines
        AppSummary.printChannels(console, channels, "    Channels: ");
      }
      if (!Confirmation.of(spec, console).confirm(force)) {
        return ExitCode.SUCCESS.code();
      }
      long deleted;
      if (all) {
        deleted = events.bulk().purgeAll(app.id());
        channels.forEach(c -> reportTable(console, "channel", c.id()));
        reportTable(console, "app", app.id());
      } else if (channel.isPresent()) {
        deleted = events.bulk().purge(EventScope.of(app.id(), channel.get().id()));
        reportTable(console, "channel", channel.get().id());
      } else {
        deleted = events.bulk().purge(EventScope.of(app.id()));
        reportTable(console, "app", app.id());
      }
      console.info(Logger.APP, "Deleted " + Counts.of(deleted, "event") + ".");
      return ExitCode.SUCCESS.code();
    }
  }

  private void confirmationHeader(PioConsole console, Optional<Channel> channel) {
    if (all) {
      console.info(Logger.PIO, "All data of the app (including default and all channels) will be deleted."
          + " Are you sure?");
    } else if (channel.isPresent()) {
      console.info(Logger.PIO, "Data of the following channel will be deleted. Are you sure?");
      console.info(Logger.PIO, "Channel Name: " + channel.get().name());
      console.info(Logger.PIO, "  Channel ID: " + channel.get().id());
    } else {
      console.info(Logger.PIO, "Data of the following app (default channel only) will be deleted. Are you sure?");
    }
  }

  private static void reportTable(PioConsole console, String kind, int id) {
    console.info(Logger.APP, "Removed Event Store for the " + kind + " ID: " + id);
    console.info(Logger.APP, "Initialized Event Store for the " + kind + " ID: " + id);
  }
}
