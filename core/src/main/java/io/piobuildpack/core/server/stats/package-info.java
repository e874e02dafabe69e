/** The event server's {@code /stats.json} counters. */
package io.piobuildpack.core.server.stats;
