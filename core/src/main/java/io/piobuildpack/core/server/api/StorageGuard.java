package io.piobuildpack.core.server.api;

import io.piobuildpack.core.store.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails fast while the database is unreachable and notices by itself when it is back. After a call fails with
 * {@link StorageUnavailableException}, further calls fail at once (503, no waiting for a pool timeout) while a
 * background probe pings the store every {@code retryInterval}; the first successful ping lets calls through
 * again. No restart is needed.
 */
public final class StorageGuard implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StorageGuard.class);

  private final Runnable ping;
  private final long retryMillis;
  private final AtomicBoolean down = new AtomicBoolean();
  private final ScheduledExecutorService prober;
  private volatile StorageUnavailableException lastFailure;

  public StorageGuard(Runnable ping, Duration retryInterval) {
    this.ping = ping;
    this.retryMillis = Math.max(1, retryInterval.toMillis());
    this.prober = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "storage-probe");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Runs a storage call unless the store is known to be unavailable.
   *
   * @throws StorageUnavailableException at once while the store is down, or when this call finds it down
   */
  public <T> T call(Supplier<T> work) {
    if (down.get()) {
      throw new StorageUnavailableException("the event store is unavailable (checking again every " + retryMillis
          + " ms)", lastFailure);
    }
    try {
      return work.get();
    } catch (StorageUnavailableException e) {
      markDown(e);
      throw e;
    }
  }

  /** Runs a storage call that returns nothing. */
  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** False while calls are being refused. */
  public boolean isAvailable() {
    return !down.get();
  }

  @Override
  public void close() {
    prober.shutdownNow();
  }

  private void markDown(StorageUnavailableException failure) {
    lastFailure = failure;
    if (down.compareAndSet(false, true)) {
      LOG.warn("Event store unavailable, answering 503 until it is back: {}", failure.getMessage());
      schedulePing();
    }
  }

  private void schedulePing() {
    if (prober.isShutdown()) {
      return;
    }
    prober.schedule(this::probe, retryMillis, TimeUnit.MILLISECONDS);
  }

  private void probe() {
    try {
      ping.run();
      down.set(false);
      LOG.info("Event store available again");
    } catch (RuntimeException e) {
      LOG.debug("Event store still unavailable: {}", e.getMessage());
      schedulePing();
    }
  }
}
