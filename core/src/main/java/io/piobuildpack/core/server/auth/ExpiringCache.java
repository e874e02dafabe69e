package io.piobuildpack.core.server.auth;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small map whose entries expire a fixed time after they were loaded. Lookups of a missing or expired key call
 * the loader (concurrent callers may load the same key twice; the last result wins). When it holds
 * {@code maxEntries}, it is emptied, which bounds memory under a flood of distinct keys.
 */
final class ExpiringCache<K, V> {

  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

  ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    this.nanoClock = nanoClock;
  }

  /** The cached value, or the loader's (cached for the time to live; a zero time to live disables caching). */
  V get(K key, Function<K, V> loader) {
    long now = nanoClock.getAsLong();
    Entry<V> entry = entries.get(key);
    if (entry != null && now - entry.loadedAt < ttlNanos) {
      return entry.value;
    }
    V value = loader.apply(key);
    if (ttlNanos > 0) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entries.put(key, new Entry<>(value, now));
    }
    return value;
  }

  void invalidate(K key) {
    entries.remove(key);
  }

  private record Entry<V>(V value, long loadedAt) {}
}
