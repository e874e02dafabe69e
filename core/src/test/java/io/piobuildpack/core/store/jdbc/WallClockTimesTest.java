package io.piobuildpack.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WallClockTimesTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final WallClockTimes times = new WallClockTimes(NEW_YORK);

  @Test
  void theTwoOccurrencesOfARepeatedHourGetDistinctValuesThatReadBackAsTheirInstants() {
    Instant daylight = Instant.parse("2024-11-03T05:30:00Z");
    Instant standard = Instant.parse("2024-11-03T06:30:00Z");

    assertThat(times.toLocal(daylight)).isEqualTo(LocalDateTime.parse("2024-11-03T01:30:00"));
    assertThat(times.toLocal(standard)).isEqualTo(LocalDateTime.parse("2024-11-03T01:30:00.000001"));
    assertThat(times.toInstant(times.toLocal(daylight))).isEqualTo(daylight);
    assertThat(times.toInstant(times.toLocal(standard))).isEqualTo(standard);
  }

  @Test
  void predictionIoReadsTheMarkedValueToTheSameWallClockMillisecond() {
    // PredictionIO 0.10 reads getTimestamp(...).getTime() in its default zone: the microsecond is not seen
    Timestamp read = Timestamp.valueOf(times.toLocal(Instant.parse("2024-11-03T06:30:00.250Z")));
    assertThat(read.toLocalDateTime().withNano(0)).isEqualTo(LocalDateTime.parse("2024-11-03T01:30:00"));
    assertThat(read.getTime() % 1000).isEqualTo(250);
  }

  @Test
  void timesOutsideARepeatedHourKeepTheirMicroseconds() {
    Instant summer = Instant.parse("2024-07-01T12:00:00.123456Z");
    Instant springForward = Instant.parse("2024-03-10T07:00:00.000001Z");

    assertThat(times.toLocal(summer)).isEqualTo(LocalDateTime.parse("2024-07-01T08:00:00.123456"));
    assertThat(times.toInstant(times.toLocal(summer))).isEqualTo(summer);
    assertThat(times.toInstant(times.toLocal(springForward))).isEqualTo(springForward);
  }
}
