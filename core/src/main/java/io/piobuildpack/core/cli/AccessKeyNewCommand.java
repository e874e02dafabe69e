package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pio-data accesskey new}: a new key for an app, optionally limited to some event names. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create an access key for an app.")
final class AccessKeyNewCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Option(names = "--key", paramLabel = "KEY", description = "Use this key instead of a generated one.")
  private String key;

  @Parameters(index = "0", paramLabel = "APP", description = "Name of the app.")
  private String appName;

  @Parameters(index = "1..*", paramLabel = "EVENT",
      description = "Event names the key may send (default: all events).")
  private List<String> eventNames = new ArrayList<>();

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.open(spec, store)) {
      App app = events.apps().findByName(appName).orElse(null);
      if (app == null) {
        console.error(Logger.ACCESS_KEY, "App " + appName + " does not exist. Aborting.");
        return ExitCode.NOT_FOUND.code();
      }
      AccessKey created = events.accessKeys().create(app.id(), key, eventNames);
      console.info(Logger.ACCESS_KEY, "Created new access key: " + created.key());
      return ExitCode.SUCCESS.code();
    }
  }
}
