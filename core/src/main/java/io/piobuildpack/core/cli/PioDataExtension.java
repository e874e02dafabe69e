package io.piobuildpack.core.cli;

import java.util.List;

/**
 * Adds commands to {@code pio-data} from another module without {@code core} knowing it (the {@code hooks}
 * module adds {@code load-data}, {@code release}, {@code train}, {@code web}, {@code checkpoint}). Implementations
 * are found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.piobuildpack.core.cli.PioDataExtension}).
 */
public interface PioDataExtension {

  /**
   * The top-level commands this module adds, as picocli-annotated command objects. Creating them must be cheap:
   * picocli builds a command's model only when that command is run or listed.
   */
  List<Object> commands();
}
