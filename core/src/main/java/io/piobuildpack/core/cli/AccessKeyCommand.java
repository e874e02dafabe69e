package io.piobuildpack.core.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pio-data accesskey ...}: PredictionIO's access-key commands. */
@Command(
    name = "accesskey",
    mixinStandardHelpOptions = true,
    description = "Manage access keys (as 'pio accesskey').",
    subcommands = {AccessKeyNewCommand.class, AccessKeyListCommand.class, AccessKeyDeleteCommand.class})
final class AccessKeyCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "an accesskey subcommand is required");
  }
}
