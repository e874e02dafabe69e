package io.piobuildpack.core.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.store.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StorageGuardTest {

  @Test
  void callAfterAnOutageFailsFastUntilAPingSucceeds() throws InterruptedException {
    AtomicBoolean up = new AtomicBoolean(false);
    AtomicInteger calls = new AtomicInteger();
    try (StorageGuard guard = new StorageGuard(() -> {
      if (!up.get()) {
        throw new StorageUnavailableException("still down", null);
      }
    }, Duration.ofMillis(20))) {
      assertThatThrownBy(() -> guard.call(() -> {
        calls.incrementAndGet();
        throw new StorageUnavailableException("down", null);
      })).hasMessage("down");
      assertThat(guard.isAvailable()).isFalse();
      assertThatThrownBy(() -> guard.call(calls::incrementAndGet)).isInstanceOf(StorageUnavailableException.class);
      assertThat(calls).as("calls that reached the store").hasValue(1);
      up.set(true);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (!guard.isAvailable() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(guard.call(calls::incrementAndGet)).isEqualTo(2);
    }
  }

  @Test
  void callPassesOtherFailuresThrough() {
    try (StorageGuard guard = new StorageGuard(() -> { }, Duration.ofMillis(20))) {
      assertThatThrownBy(() -> guard.call(() -> {
        throw new IllegalStateException("bug");
      })).hasMessage("bug");
      assertThat(guard.isAvailable()).isTrue();
    }
  }
}
