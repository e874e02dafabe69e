package io.piobuildpack.core.cli;

import static io.piobuildpack.core.cli.PioConsole.right;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.Channel;
import java.util.List;

/** PredictionIO's {@code App Name / App ID / Description} block and channel table (show and confirmations). */
final class AppSummary {

  private AppSummary() {}

  static void print(PioConsole console, App app) {
    console.info(Logger.PIO, "    App Name: " + app.name());
    console.info(Logger.PIO, "      App ID: " + app.id());
    console.info(Logger.PIO, " Description: " + (app.description() == null ? "" : app.description()));
  }

  /** The channel table under a label such as {@code "    Channels: "}; nothing when there are no channels. */
  static void printChannels(PioConsole console, List<Channel> channels, String label) {
    if (channels.isEmpty()) {
      return;
    }
    console.info(Logger.PIO, label + right("Channel Name", 16) + " | " + right("Channel ID", 10) + " ");
    String indent = " ".repeat(label.length());
    for (Channel channel : channels) {
      console.info(Logger.PIO, indent + right(channel.name(), 16) + " | " + right(channel.id(), 10));
    }
  }
}
