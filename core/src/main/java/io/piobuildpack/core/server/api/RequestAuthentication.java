package io.piobuildpack.core.server.api;

import io.piobuildpack.core.server.auth.AccessKeyAuthenticator;
import io.piobuildpack.core.server.auth.Caller;
import io.piobuildpack.core.server.http.ApiRequest;

/** Authenticates a request from its {@code accessKey} and {@code channel} parameters or its Basic header. */
final class RequestAuthentication {

  private final AccessKeyAuthenticator authenticator;

  RequestAuthentication(AccessKeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** @throws io.piobuildpack.core.server.auth.AuthenticationException with PredictionIO's 401 message */
  Caller caller(ApiRequest request) {
    return authenticator.authenticate(request.query("accessKey"), request.query("channel"),
        request.header("Authorization"));
  }
}
