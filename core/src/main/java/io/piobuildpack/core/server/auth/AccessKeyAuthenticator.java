package io.piobuildpack.core.server.auth;

import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.EventScope;
import java.util.Optional;

/**
 * PredictionIO's authentication (docs/event-server.md): the {@code accessKey} query parameter (even empty), with an
 * optional {@code channel} parameter; else HTTP Basic with the key as user name, which always addresses the
 * default channel; else 401 {@code Missing accessKey.}
 */
public final class AccessKeyAuthenticator {

  private final AccessKeyCache keys;
  private final ChannelCache channels;

  public AccessKeyAuthenticator(AccessKeyCache keys, ChannelCache channels) {
    this.keys = keys;
    this.channels = channels;
  }

  /**
   * The caller of a request.
   *
   * @param accessKeyParam the {@code accessKey} query parameter, if present
   * @param channelParam the {@code channel} query parameter, if present
   * @param authorization the {@code Authorization} header, if present
   * @throws AuthenticationException with PredictionIO's 401 message
   */
  public Caller authenticate(Optional<String> accessKeyParam, Optional<String> channelParam,
      Optional<String> authorization) {
    if (accessKeyParam.isPresent()) {
      AccessKey key = keys.find(accessKeyParam.get()).orElseThrow(AuthenticationException::invalidKey);
      if (channelParam.isEmpty()) {
        return new Caller(key, EventScope.of(key.appId()), Optional.empty());
      }
      String name = channelParam.get();
      Channel channel = channels.find(key.appId(), name)
          .orElseThrow(() -> AuthenticationException.invalidChannel(name));
      return new Caller(key, EventScope.of(key.appId(), channel.id()), Optional.of(name));
    }
    if (authorization.isPresent()) {
      String presented = BasicAuthorization.accessKey(authorization.get())
          .orElseThrow(AuthenticationException::invalidKey);
      AccessKey key = keys.find(presented).orElseThrow(AuthenticationException::invalidKey);
      return new Caller(key, EventScope.of(key.appId()), Optional.empty());
    }
    throw AuthenticationException.missingKey();
  }

  /** Forgets what is cached about a caller whose app or channel the store no longer has. */
  public void forget(Caller caller) {
    keys.invalidate(caller.accessKey().key());
    caller.channelName().ifPresent(name -> channels.invalidate(caller.appId(), name));
  }
}
