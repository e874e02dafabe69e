package io.piobuildpack.core.cli;

import io.piobuildpack.core.config.Environment;
import java.io.InputStream;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command needs from its surroundings, injectable for tests: the environment, the working directory
 * (where the embedded store lives), standard input, and whether a person is at a terminal.
 */
public record CliContext(Environment env, Path workingDirectory, InputStream stdin, boolean interactive) {

  /** The real process surroundings. */
  public static CliContext system() {
    return new CliContext(Environment.SYSTEM, Path.of("").toAbsolutePath(), System.in, System.console() != null);
  }

  /** The context of the command line a command belongs to. */
  public static CliContext of(CommandSpec spec) {
    return ((PioDataCommand) spec.root().userObject()).context();
  }
}
