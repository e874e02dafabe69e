package io.piobuildpack.core.server.auth;

import io.piobuildpack.core.store.Channel;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/** Channels of apps looked up in the store by name and remembered for a few seconds. */
public final class ChannelCache {

  private static final int MAX_ENTRIES = 10_000;

  private final ExpiringCache<Key, Optional<Channel>> cache;
  private final BiFunction<Integer, String, Optional<Channel>> store;

  public ChannelCache(BiFunction<Integer, String, Optional<Channel>> store, Duration ttl, LongSupplier nanoClock) {
    this.store = store;
    this.cache = new ExpiringCache<>(ttl, MAX_ENTRIES, nanoClock);
  }

  public ChannelCache(BiFunction<Integer, String, Optional<Channel>> store, Duration ttl) {
    this(store, ttl, System::nanoTime);
  }

  public Optional<Channel> find(int appId, String name) {
    return cache.get(new Key(appId, name), key -> store.apply(key.appId, key.name));
  }

  /** Forgets a channel, e.g. after the store said it is gone. */
  public void invalidate(int appId, String name) {
    cache.invalidate(new Key(appId, name));
  }

  private record Key(int appId, String name) {}
}
