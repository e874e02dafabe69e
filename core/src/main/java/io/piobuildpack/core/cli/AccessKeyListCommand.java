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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pio-data accesskey list}: every key, or one app's keys, sorted by app id. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List access keys (of one app, or all).")
final class AccessKeyListCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Parameters(index = "0", arity = "0..1", paramLabel = "APP", description = "Only this app's keys.")
  private String appName;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.openExisting(spec, store)) {
      List<AccessKey> keys;
      if (appName == null) {
        keys = events.accessKeys().list();
      } else {
        App app = AppLookup.byName(events, appName, console);
        keys = events.accessKeys().listByApp(app.id());
      }
      List<AccessKey> sorted = keys.stream().sorted(Comparator.comparingInt(AccessKey::appId)).toList();
      console.info(Logger.PIO, right("Access Key(s)", 64) + " | App ID | Allowed Event(s)");
      for (AccessKey key : sorted) {
        console.info(Logger.PIO, right(key.key(), 64) + " | " + right(key.appId(), 6) + " | "
            + AccessKeyFormat.allowedEvents(key));
      }
      console.info(Logger.PIO, "Finished listing " + sorted.size() + " access key(s).");
      return ExitCode.SUCCESS.code();
    }
  }
}
