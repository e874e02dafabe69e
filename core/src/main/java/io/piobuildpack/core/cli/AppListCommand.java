package io.piobuildpack.core.cli;

import static io.piobuildpack.core.cli.PioConsole.right;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.EventStore;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data app list}: PredictionIO's table of apps and their access keys, sorted by app name. Keys are
 * masked: only {@code accesskey list} (and the commands that create one) print a whole key.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List apps with their access keys.")
final class AppListCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.openExisting(spec, store)) {
      List<App> apps = events.apps().list().stream().sorted(Comparator.comparing(App::name)).toList();
      console.info(Logger.PIO, right("Name", 20) + " |   ID | " + right("Access Key", 64) + " | Allowed Event(s)");
      for (App app : apps) {
        for (AccessKey key : events.accessKeys().listByApp(app.id())) {
          console.info(Logger.PIO, right(app.name(), 20) + " | " + right(app.id(), 4) + " | "
              + right(PioConsole.maskKey(key.key()), 64) + " | " + AccessKeyFormat.allowedEvents(key));
        }
      }
      console.info(Logger.PIO, "Finished listing " + apps.size() + " app(s).");
      return ExitCode.SUCCESS.code();
    }
  }
}
