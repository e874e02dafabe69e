/** Access-key and channel authentication of API requests, with short-lived caches. */
package io.piobuildpack.core.server.auth;
