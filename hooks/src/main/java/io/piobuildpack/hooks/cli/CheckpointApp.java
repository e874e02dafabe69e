package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.CliContext;
import io.piobuildpack.core.cli.CliException;
import io.piobuildpack.core.cli.ExitCode;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.hooks.data.LoadDataSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code [--app NAME]}: the app whose checkpoints are read or written, PIO_EVENTSERVER_APP_NAME by default. */
final class CheckpointApp {

  @Option(names = "--app", paramLabel = "NAME", description = "The app (default: $PIO_EVENTSERVER_APP_NAME).")
  String appName;

  EventScope resolve(CommandSpec spec, EventStore store) {
    String name = appName != null ? appName : CliContext.of(spec).env().find(LoadDataSettings.APP_NAME)
        .orElseThrow(() -> new CliException(ExitCode.USAGE,
            "no app given: use --app NAME or set " + LoadDataSettings.APP_NAME));
    App app = store.apps().findByName(name)
        .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "App " + name + " does not exist."));
    return EventScope.of(app.id());
  }
}
