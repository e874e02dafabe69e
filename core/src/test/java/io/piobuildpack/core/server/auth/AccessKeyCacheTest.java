package io.piobuildpack.core.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AccessKeyCacheTest {

  private final Map<String, AccessKey> stored = new HashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();
  private final AccessKeyCache cache = new AccessKeyCache(key -> {
    lookups.incrementAndGet();
    return Optional.ofNullable(stored.get(key));
  }, Duration.ofSeconds(5), nanos::get);

  @Test
  void findWithinTheTimeToLiveAsksTheStoreOnce() {
    stored.put("k1", new AccessKey("k1", 1, List.of()));
    assertThat(cache.find("k1")).isPresent();
    assertThat(cache.find("k1")).isPresent();
    assertThat(cache.find("nope")).isEmpty();
    assertThat(cache.find("nope")).isEmpty();
    assertThat(lookups).hasValue(2);
  }

  @Test
  void findAfterTheTimeToLiveSeesARevokedKeyGone() {
    stored.put("k1", new AccessKey("k1", 1, List.of()));
    assertThat(cache.find("k1")).isPresent();
    stored.remove("k1");
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(cache.find("k1")).isEmpty();
  }

  @Test
  void findWhenTheStoreMatchesLooselyStillRequiresAnExactKey() {
    AccessKeyCache caseInsensitiveStore = new AccessKeyCache(key -> Optional.of(new AccessKey("Key1", 1, List.of())),
        Duration.ofSeconds(5), nanos::get);
    assertThat(caseInsensitiveStore.find("key1")).isEmpty();
    assertThat(caseInsensitiveStore.find("Key1")).isPresent();
  }

  @Test
  void findWhenTheStoreFailsCachesNothing() {
    AccessKeyCache failing = new AccessKeyCache(key -> {
      lookups.incrementAndGet();
      throw new StorageUnavailableException("down", null);
    }, Duration.ofSeconds(5), nanos::get);
    assertThatThrownBy(() -> failing.find("k")).isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> failing.find("k")).isInstanceOf(StorageUnavailableException.class);
    assertThat(lookups).hasValue(2);
  }

  @Test
  void invalidateForgetsAKey() {
    stored.put("k1", new AccessKey("k1", 1, List.of()));
    cache.find("k1");
    cache.invalidate("k1");
    cache.find("k1");
    assertThat(lookups).hasValue(2);
  }

  @Test
  void constantTimeEqualsComparesWholeKeys() {
    assertThat(AccessKeyCache.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(AccessKeyCache.constantTimeEquals("abc", "abd")).isFalse();
    assertThat(AccessKeyCache.constantTimeEquals("abc", "abcd")).isFalse();
  }
}
