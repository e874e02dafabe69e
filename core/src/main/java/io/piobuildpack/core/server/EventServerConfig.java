package io.piobuildpack.core.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the event server runs: where it listens, {@code --stats}, the access log, and its limits. The defaults
 * are for a 512 MB dyno: 8 MiB bodies (PredictionIO's limit), 8 KiB of headers, 30 s idle timeout, 32 threads
 * with at most 1024 queued requests, 20 s to finish in-flight requests on SIGTERM (Heroku kills after 30 s),
 * access keys remembered for 5 s, an unavailable database checked every 500 ms. Requests beyond the
 * thread pool wait (without a thread) for at most 10 s, at most {@code maxQueuedRequests} of them; then 503.
 */
public record EventServerConfig(
    ListenAddress address,
    boolean stats,
    boolean accessLog,
    long maxBodyBytes,
    int maxHeaderBytes,
    Duration idleTimeout,
    int maxThreads,
    int maxQueuedRequests,
    Duration stopTimeout,
    Duration keyCacheTtl,
    Duration storageRetryInterval) {

  public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;
  public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_THREADS = 32;
  public static final int DEFAULT_MAX_QUEUED_REQUESTS = 1024;
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_STORAGE_RETRY_INTERVAL = Duration.ofMillis(500);

  /** Fewer threads cannot serve: Jetty needs some for accepting and selecting. */
  static final int MIN_THREADS = 8;

  public EventServerConfig {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Objects.requireNonNull(keyCacheTtl, "keyCacheTtl");
    Objects.requireNonNull(storageRetryInterval, "storageRetryInterval");
    if (maxBodyBytes < 1 || maxHeaderBytes < 1024 || maxThreads < MIN_THREADS || maxQueuedRequests < 1) {
      throw new IllegalArgumentException("limits must be positive (headers at least 1024 bytes, threads at least "
          + MIN_THREADS + ")");
    }
  }

  /** The defaults, listening on {@code address}. */
  public static EventServerConfig defaults(ListenAddress address) {
    return new EventServerConfig(address, false, true, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES,
        DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_THREADS, DEFAULT_MAX_QUEUED_REQUESTS, DEFAULT_STOP_TIMEOUT,
        DEFAULT_KEY_CACHE_TTL, DEFAULT_STORAGE_RETRY_INTERVAL);
  }

  public EventServerConfig withStats(boolean enabled) {
    return new EventServerConfig(address, enabled, accessLog, maxBodyBytes, maxHeaderBytes, idleTimeout, maxThreads,
        maxQueuedRequests, stopTimeout, keyCacheTtl, storageRetryInterval);
  }

  public EventServerConfig withAccessLog(boolean enabled) {
    return new EventServerConfig(address, stats, enabled, maxBodyBytes, maxHeaderBytes, idleTimeout, maxThreads,
        maxQueuedRequests, stopTimeout, keyCacheTtl, storageRetryInterval);
  }

  public EventServerConfig withMaxBodyBytes(long bytes) {
    return new EventServerConfig(address, stats, accessLog, bytes, maxHeaderBytes, idleTimeout, maxThreads,
        maxQueuedRequests, stopTimeout, keyCacheTtl, storageRetryInterval);
  }

  public EventServerConfig withIdleTimeout(Duration timeout) {
    return new EventServerConfig(address, stats, accessLog, maxBodyBytes, maxHeaderBytes, timeout, maxThreads,
        maxQueuedRequests, stopTimeout, keyCacheTtl, storageRetryInterval);
  }

  public EventServerConfig withStopTimeout(Duration timeout) {
    return new EventServerConfig(address, stats, accessLog, maxBodyBytes, maxHeaderBytes, idleTimeout, maxThreads,
        maxQueuedRequests, timeout, keyCacheTtl, storageRetryInterval);
  }

  public EventServerConfig withKeyCacheTtl(Duration ttl) {
    return new EventServerConfig(address, stats, accessLog, maxBodyBytes, maxHeaderBytes, idleTimeout, maxThreads,
        maxQueuedRequests, stopTimeout, ttl, storageRetryInterval);
  }

  public EventServerConfig withStorageRetryInterval(Duration interval) {
    return new EventServerConfig(address, stats, accessLog, maxBodyBytes, maxHeaderBytes, idleTimeout, maxThreads,
        maxQueuedRequests, stopTimeout, keyCacheTtl, interval);
  }
}
