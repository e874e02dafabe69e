/** The event server on Jetty 12: start-up, listen address, request log, shutdown, self-test. */
package io.piobuildpack.core.server;
