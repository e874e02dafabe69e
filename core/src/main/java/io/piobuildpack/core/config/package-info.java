/** Settings from the environment: typed readers, environment sources, and the event store's settings. */
package io.piobuildpack.core.config;
