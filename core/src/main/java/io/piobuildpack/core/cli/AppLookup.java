package io.piobuildpack.core.cli;

import io.piobuildpack.core.cli.PioConsole.Logger;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.EventStore;

/** Finds the app a command names, failing with PredictionIO's message and the "not found" exit code. */
final class AppLookup {

  private AppLookup() {}

  static App byName(EventStore events, String name, PioConsole console) {
    return events.apps().findByName(name).orElseThrow(() -> notFound(console, "App " + name + " does not exist."));
  }

  static App byId(EventStore events, int id, PioConsole console) {
    return events.apps().findById(id).orElseThrow(() -> notFound(console, "App ID " + id + " does not exist."));
  }

  private static CliException notFound(PioConsole console, String message) {
    console.error(Logger.APP, message + " Aborting.");
    return new CliException(ExitCode.NOT_FOUND, null);
  }
}
