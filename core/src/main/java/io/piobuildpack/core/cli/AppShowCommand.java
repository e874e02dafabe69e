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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data app show}: PredictionIO's app summary ({@code App ID: <n>} is what scripts parse). Access keys
 * are shown masked: only {@code app new}, {@code accesskey new} and {@code accesskey list} print a whole key.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show an app, its keys (masked) and channels.")
final class AppShowCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the app.")
  private String name;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.openExisting(spec, store)) {
      App app = AppLookup.byName(events, name, console);
      AppSummary.print(console, app);
      List<AccessKey> keys = events.accessKeys().listByApp(app.id());
      for (int i = 0; i < keys.size(); i++) {
        console.info(Logger.PIO, (i == 0 ? "  Access Key: " : "              ")
            + PioConsole.maskKey(keys.get(i).key()) + " | " + AccessKeyFormat.allowedEvents(keys.get(i)));
      }
      List<Channel> channels = events.channels().listByApp(app.id());
      AppSummary.printChannels(console, channels, "    Channels: ");
      return ExitCode.SUCCESS.code();
    }
  }
}
