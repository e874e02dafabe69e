/** The server's own small HTTP abstraction (request, response, routes) the API is written against. */
package io.piobuildpack.core.server.http;
