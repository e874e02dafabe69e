package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pio-data app channel-new}: a named channel with its own event table, created in one transaction. */
@Command(name = "channel-new", mixinStandardHelpOptions = true, description = "Create a channel of an app.")
final class ChannelNewCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the app.")
  private String name;

  @Parameters(index = "1", paramLabel = "CHANNEL",
      description = "Channel name: letters, digits and -, at most 16 characters.")
  private String channelName;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    if (!Channel.isValidName(channelName)) {
      console.error(Logger.APP, "Unable to create new channel.");
      console.error(Logger.APP, "The channel name " + channelName + " is invalid.");
      console.error(Logger.APP, "Only alphanumeric and - characters are allowed and max length is 16.");
      return ExitCode.INVALID_DATA.code();
    }
    try (EventStore events = StoreConnector.open(spec, store)) {
      App app = AppLookup.byName(events, name, console);
      if (events.channels().find(app.id(), channelName).isPresent()) {
        console.error(Logger.APP, "Channel " + channelName + " already exists.");
        console.error(Logger.APP, "Unable to create new channel.");
        return ExitCode.CONFLICT.code();
      }
      Channel channel = events.channels().create(app.id(), channelName);
      console.info(Logger.APP, "Updated Channel meta-data.");
      console.info(Logger.APP, "Initialized Event Store for the channel: " + channel.name() + ".");
      console.info(Logger.APP, "Created new channel:");
      console.info(Logger.APP, "    Channel Name: " + channel.name());
      console.info(Logger.APP, "      Channel ID: " + channel.id());
      console.info(Logger.APP, "          App ID: " + app.id());
      return ExitCode.SUCCESS.code();
    }
  }
}
