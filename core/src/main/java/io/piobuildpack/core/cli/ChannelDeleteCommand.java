package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventStore;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pio-data app channel-delete}: deletes a channel and its events in one transaction. */
@Command(name = "channel-delete", mixinStandardHelpOptions = true,
    description = "Delete a channel of an app with its events.")
final class ChannelDeleteCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Option(names = {"-f", "--force"}, description = "Do not ask for confirmation.")
  private boolean force;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the app.")
  private String name;

  @Parameters(index = "1", paramLabel = "CHANNEL", description = "Name of the channel.")
  private String channelName;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.open(spec, store)) {
      App app = AppLookup.byName(events, name, console);
      Optional<Channel> channel = events.channels().find(app.id(), channelName);
      if (channel.isEmpty()) {
        console.error(Logger.PIO, "Unable to delete channel.");
        console.error(Logger.PIO, "Channel " + channelName + " doesn't exist.");
        return ExitCode.NOT_FOUND.code();
      }
      console.info(Logger.PIO, "The following channel will be deleted. Are you sure?");
      console.info(Logger.PIO, "    Channel Name: " + channelName);
      console.info(Logger.PIO, "      Channel ID: " + channel.get().id());
      console.info(Logger.PIO, "        App Name: " + app.name());
      console.info(Logger.PIO, "          App ID: " + app.id());
      if (!Confirmation.of(spec, console).confirm(force)) {
        return ExitCode.SUCCESS.code();
      }
      events.channels().delete(app.id(), channelName);
      console.info(Logger.APP, "Removed Event Store for this channel: " + channelName);
      console.info(Logger.APP, "Deleted channel: " + channelName + ".");
      return ExitCode.SUCCESS.code();
    }
  }
}
