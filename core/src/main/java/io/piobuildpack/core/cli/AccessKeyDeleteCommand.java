package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.EventStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data accesskey delete}: removes a key. Unlike PredictionIO, a key that does not exist is reported
 * as not found; the key is echoed masked.
 */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an access key.")
final class AccessKeyDeleteCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Parameters(index = "0", paramLabel = "KEY", description = "The access key.")
  private String key;

  @Override
  public Integer call() {
    PioConsole console = PioConsole.of(spec);
    try (EventStore events = StoreConnector.open(spec, store)) {
      if (!events.accessKeys().delete(key)) {
        console.error(Logger.ACCESS_KEY, "Access key " + PioConsole.maskKey(key) + " does not exist. Aborting.");
        return ExitCode.NOT_FOUND.code();
      }
      console.info(Logger.ACCESS_KEY, "Deleted access key " + PioConsole.maskKey(key) + ".");
      return ExitCode.SUCCESS.code();
    }
  }
}
