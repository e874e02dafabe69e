package io.piobuildpack.core.server.auth;

import io.piobuildpack.core.store.AccessKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Access keys looked up in the store and remembered for a few seconds, so a revoked key stops working within
 * the time to live. The cache is indexed by the SHA-256 of the presented key (never the key itself), and a
 * presented key is accepted only when it equals the stored key in a constant-time comparison.
 */
public final class AccessKeyCache {

  private static final int MAX_ENTRIES = 10_000;

  private final ExpiringCache<String, Optional<AccessKey>> cache;
  private final Function<String, Optional<AccessKey>> store;

  /**
   * @param store looks a key up in the store (may throw when the store is unavailable; nothing is cached then)
   */
  public AccessKeyCache(Function<String, Optional<AccessKey>> store, Duration ttl, LongSupplier nanoClock) {
    this.store = store;
    this.cache = new ExpiringCache<>(ttl, MAX_ENTRIES, nanoClock);
  }

  public AccessKeyCache(Function<String, Optional<AccessKey>> store, Duration ttl) {
    this(store, ttl, System::nanoTime);
  }

  /** The stored key equal to the presented one. */
  public Optional<AccessKey> find(String presented) {
    Optional<AccessKey> found = cache.get(digest(presented), digest -> store.apply(presented));
    return found.filter(key -> constantTimeEquals(presented, key.key()));
  }

  /** Forgets a key, e.g. after the store said its app is gone. */
  public void invalidate(String presented) {
    cache.invalidate(digest(presented));
  }

  static boolean constantTimeEquals(String presented, String stored) {
    return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
  }

  private static String digest(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
