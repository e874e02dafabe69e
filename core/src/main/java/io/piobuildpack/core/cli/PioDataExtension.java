package io.piobuildpack.core.cli;

import picocli.CommandLine;

/**
 * Adds commands to {@code pio-data} from another module without {@code core} knowing it (the {@code hooks}
 * module adds {@code load-data}, {@code release}, {@code train}, {@code web}, {@code checkpoint}). Implementations
 * are found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.piobuildpack.core.cli.PioDataExtension}).
 */
public interface PioDataExtension {

  /** Adds subcommands to the root {@code pio-data} command line. */
  void register(CommandLine root);
}
