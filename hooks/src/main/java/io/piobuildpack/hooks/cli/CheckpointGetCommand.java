package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.CliException;
import io.piobuildpack.core.cli.ExitCode;
import io.piobuildpack.core.cli.StoreConnector;
import io.piobuildpack.core.cli.StoreOptions;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.json.PropertiesJson;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.PropertyMap;
import io.piobuildpack.hooks.data.Checkpoints;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pio-data checkpoint get NAME [--property P]}: prints the checkpoint's properties as one JSON object, or
 * one property's value as plain text; exit 4 when the checkpoint (or property) was never set.
 */
@Command(name = "get", mixinStandardHelpOptions = true,
    description = "Print a checkpoint's properties as JSON, or one property's value with --property.")
final class CheckpointGetCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Mixin
  private CheckpointApp app;

  @Option(names = "--property", paramLabel = "P", description = "Print only this property's value.")
  private String property;

  @Parameters(index = "0", paramLabel = "NAME", description = "The checkpoint's name (its entityId), e.g. sync.")
  private String name;

  @Override
  public Integer call() {
    try (EventStore events = StoreConnector.openExisting(spec, store)) {
      EventScope scope = app.resolve(spec, events);
      Optional<PropertyMap> checkpoint = new Checkpoints(events).read(scope, name);
      if (checkpoint.isEmpty()) {
        throw new CliException(ExitCode.NOT_FOUND, "checkpoint " + name + " has not been set");
      }
      EventProperties fields = checkpoint.get().fields();
      if (property == null) {
        spec.commandLine().getOut().println(PropertiesJson.toJson(fields));
        return ExitCode.SUCCESS.code();
      }
      if (!fields.contains(property)) {
        throw new CliException(ExitCode.NOT_FOUND, "checkpoint " + name + " has no property " + property);
      }
      Object value = fields.get(property);
      spec.commandLine().getOut().println(value instanceof String text ? text
          : PropertiesJson.toJson(EventProperties.of(property, value)).replaceFirst("^\\{\"[^\"]*\":(.*)}$", "$1"));
      return ExitCode.SUCCESS.code();
    }
  }
}
