/** PredictionIO's Event API routes, independent of the HTTP server. */
package io.piobuildpack.core.server.api;
