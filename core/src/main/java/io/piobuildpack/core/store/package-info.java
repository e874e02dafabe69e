/** The event store's interfaces and records (apps, keys, channels, events, import, aggregation). */
package io.piobuildpack.core.store;
