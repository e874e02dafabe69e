package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.InvalidEventException;
import io.piobuildpack.core.server.auth.AuthenticationException;
import io.piobuildpack.core.server.http.ApiException;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.webhooks.ConnectorException;
import io.piobuildpack.core.store.EventIdConflictException;
import io.piobuildpack.core.store.StorageException;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes a response: a status and PredictionIO's {@code {"message": ...}} body.
 * Client errors carry their own text; storage and internal failures are logged in full and answered with a
 * short text (no SQL, host names or stack traces on the wire).
 */
final class ExceptionResponses {

  static final String STORAGE_UNAVAILABLE = "The event store is unavailable; retry later.";
  static final String STORAGE_FAILED = "The event store failed to process the request; see the server log.";
  static final String INTERNAL_ERROR = "Internal server error; see the server log.";
  /** Seconds a client should wait before retrying after 503. */
  static final String RETRY_AFTER_SECONDS = "1";

  private static final Logger LOG = LoggerFactory.getLogger(ExceptionResponses.class);

  private ExceptionResponses() {}

  static ApiResponse of(RuntimeException e) {
    if (e instanceof ApiException api) {
      return api.toResponse();
    }
    if (e instanceof AuthenticationException) {
      return ApiResponse.message(401, e.getMessage());
    }
    if (e instanceof InvalidEventException invalid) {
      return ApiResponse.message(400, invalid.pioMessage());
    }
    if (e instanceof ConnectorException) {
      return ApiResponse.message(400, e.getMessage());
    }
    if (e instanceof StorageUnavailableException) {
      LOG.debug("503: {}", e.getMessage());
      return ApiResponse.message(503, STORAGE_UNAVAILABLE).withHeaders(Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
    if (e instanceof EventIdConflictException) {
      return ApiResponse.message(409, "An event with this eventId already exists.");
    }
    if (e instanceof StorageException) {
      LOG.error("Storage failure", e);
      return ApiResponse.message(500, STORAGE_FAILED);
    }
    LOG.error("Unexpected failure", e);
    return ApiResponse.message(500, INTERNAL_ERROR);
  }
}
