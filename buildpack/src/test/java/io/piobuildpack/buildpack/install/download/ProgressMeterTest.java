package io.piobuildpack.buildpack.install.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

  private final AtomicLong now = new AtomicLong();
  private final ProgressMeter meter = new ProgressMeter(Duration.ofSeconds(5), now::get);

  @Test
  void aKnownTotalIsReportedOncePerTenPercent() {
    List<Long> reported = new ArrayList<>();
    for (long bytes = 0; bytes <= 1000; bytes += 7) {
      if (meter.due(bytes, 1000)) {
        reported.add(bytes * 10 / 1000);
      }
    }

    assertThat(reported).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void anUnknownTotalIsReportedOncePerInterval() {
    assertThat(meter.due(10, -1)).isFalse();
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(meter.due(20, -1)).isFalse();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(meter.due(30, -1)).isTrue();
    assertThat(meter.due(40, -1)).isFalse();
  }
}
