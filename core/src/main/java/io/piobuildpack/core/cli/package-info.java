/** The {@code pio-data} command line (picocli), its commands and the one {@code ExitCode} enum. */
package io.piobuildpack.core.cli;
