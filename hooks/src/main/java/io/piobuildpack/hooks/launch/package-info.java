/** Launching {@code pio train}/{@code pio deploy}: settings, argv without a shell, Spark driver memory. */
package io.piobuildpack.hooks.launch;
