package io.piobuildpack.core.server.http;

import java.util.Optional;

/**
 * One HTTP request as the Event API sees it, independent of the HTTP server: method, percent-encoded path, query
 * parameters (first occurrence wins, as in PredictionIO), headers and a size-limited body read on demand.
 */
public interface ApiRequest {

  /** The method in upper case, e.g. {@code POST}. */
  String method();

  /**
   * The path as sent, still percent-encoded, e.g. {@code /events/a%2Fb.json}: the router decodes it segment by
   * segment, so that an encoded {@code /} inside an event id stays part of the id.
   */
  String path();

  /** The first value of a query parameter; present (possibly empty) when the parameter is in the query. */
  Optional<String> query(String name);

  /** The first value of a header (case-insensitive name). */
  Optional<String> header(String name);

  /**
   * The whole body. Read once, on the first call.
   *
   * @throws ApiException 413 when it is larger than the server's limit
   */
  byte[] body();
}
