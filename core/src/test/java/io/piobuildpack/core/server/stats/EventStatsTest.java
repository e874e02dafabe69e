package io.piobuildpack.core.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.server.http.JsonText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventStatsTest {

  private Instant now = Instant.parse("2024-01-02T10:59:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void snapshotCountsPerAppAndMovesTheHourOn() {
    EventStats stats = new EventStats(clock);
    stats.record(1, 201, Event.builder("view", "user", "u1").target("item", "i1").build());
    stats.record(1, 201, Event.builder("view", "user", "u2").target("item", "i1").build());
    stats.record(2, 201, Event.builder("buy", "user", "u2").build());
    now = now.plus(Duration.ofMinutes(2));
    stats.record(1, 201, Event.builder("$set", "user", "u1").build());

    assertThat(JsonText.of(stats.snapshot(1))).isEqualTo("{\"time\":\"2024-01-02T11:01:00.000Z\","
        + "\"currentHour\":{\"startTime\":\"2024-01-02T11:00:00.000Z\",\"basic\":[{\"key\":{\"entityType\":\"user\","
        + "\"event\":\"$set\"},\"value\":1}],\"statusCode\":[{\"key\":201,\"value\":1}]},"
        + "\"prevHour\":{\"startTime\":\"2024-01-02T10:00:00.000Z\",\"endTime\":\"2024-01-02T11:00:00.000Z\","
        + "\"basic\":[{\"key\":{\"entityType\":\"user\",\"targetEntityType\":\"item\",\"event\":\"view\"},\"value\":2}],"
        + "\"statusCode\":[{\"key\":201,\"value\":2}]},"
        + "\"longLive\":{\"startTime\":\"2024-01-02T10:59:00.000Z\",\"basic\":[{\"key\":{\"entityType\":\"user\","
        + "\"targetEntityType\":\"item\",\"event\":\"view\"},\"value\":2},{\"key\":{\"entityType\":\"user\","
        + "\"event\":\"$set\"},\"value\":1}],\"statusCode\":[{\"key\":201,\"value\":3}]}}");
  }
}
