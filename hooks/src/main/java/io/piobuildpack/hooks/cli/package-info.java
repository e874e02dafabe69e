/** The {@code pio-data} commands of this module: load-data, release, train, web, checkpoint. */
package io.piobuildpack.hooks.cli;
