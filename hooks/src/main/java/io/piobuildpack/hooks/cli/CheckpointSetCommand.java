package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.CliException;
import io.piobuildpack.core.cli.ExitCode;
import io.piobuildpack.core.cli.StoreConnector;
import io.piobuildpack.core.cli.StoreOptions;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.hooks.data.Checkpoints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pio-data checkpoint set NAME KEY=VALUE...}: a {@code $set} event on the checkpoint entity. */
@Command(name = "set", mixinStandardHelpOptions = true,
    description = "Set properties of a checkpoint (string values), e.g. lastUpdatedAt=2017-04-14T18:12:20Z.")
final class CheckpointSetCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private StoreOptions store;

  @Mixin
  private CheckpointApp app;

  @Parameters(index = "0", paramLabel = "NAME", description = "The checkpoint's name (its entityId), e.g. sync.")
  private String name;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE", description = "Properties to set.")
  private List<String> assignments;

  @Override
  public Integer call() {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new CliException(ExitCode.USAGE, "'" + assignment + "' is not KEY=VALUE");
      }
      properties.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
    try (EventStore events = StoreConnector.open(spec, store)) {
      String id = new Checkpoints(events).write(app.resolve(spec, events), name, EventProperties.of(properties));
      spec.commandLine().getOut().println("Checkpoint " + name + " set (event " + id + ").");
      return ExitCode.SUCCESS.code();
    }
  }
}
