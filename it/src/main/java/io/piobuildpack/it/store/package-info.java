/** The deployed app's event store, found from its config vars as {@code pio-data} finds it: apps and event counts. */
package io.piobuildpack.it.store;
