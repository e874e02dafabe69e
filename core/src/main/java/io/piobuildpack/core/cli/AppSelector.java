package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code (--appid N | --app NAME) [--channel C]}: the event table an import or export works on. */
final class AppSelector {

  /** Exactly one of the two ways to name the app. */
  static final class Which {
    @Option(names = "--appid", paramLabel = "N", required = true, description = "The app's id.")
    Integer appId;

    @Option(names = "--app", paramLabel = "NAME", required = true, description = "The app's name.")
    String appName;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Option(names = "--channel", paramLabel = "CHANNEL", description = "A named channel (default: the default channel).")
  String channelName;

  /** The scope, failing with PredictionIO's messages and "not found" when the app or channel does not exist. */
  EventScope resolve(EventStore events, PioConsole console, Logger logger) {
    App app = which.appId != null ? AppLookup.byId(events, which.appId, console)
        : AppLookup.byName(events, which.appName, console);
    if (channelName == null) {
      return EventScope.of(app.id());
    }
    Channel channel = events.channels().find(app.id(), channelName).orElse(null);
    if (channel == null) {
      console.error(logger, "Channel " + channelName + " doesn't exist in this app.");
      throw new CliException(ExitCode.NOT_FOUND, null);
    }
    return EventScope.of(app.id(), channel.id());
  }
}
