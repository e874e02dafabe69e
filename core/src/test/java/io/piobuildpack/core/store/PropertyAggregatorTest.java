package io.piobuildpack.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.EventTimes;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PropertyAggregatorTest {

  private static final ZonedDateTime T = EventTimes.parse("2024-01-01T00:00:00.000Z");

  @Test
  void resultFollowsTheWorkedExampleOfTheSpecification() {
    PropertyAggregator aggregator = new PropertyAggregator();
    aggregator.add(event("$set", "u", 1, EventProperties.of("a", 3L, "b", 4L)));
    aggregator.add(event("$set", "u", 2, EventProperties.of("b", 5L, "c", 6L)));
    aggregator.add(event("$unset", "u", 3, EventProperties.of("b", null)));
    aggregator.add(event("$delete", "u", 4, EventProperties.EMPTY));
    aggregator.add(event("$set", "u", 5, EventProperties.EMPTY));

    assertThat(aggregator.result("u"))
        .contains(new PropertyMap(EventProperties.EMPTY, T.plusMinutes(1), T.plusMinutes(5)));
  }

  @Test
  void resultBeforeTheUnsetKeepsEveryKey() {
    PropertyAggregator aggregator = new PropertyAggregator();
    aggregator.add(event("$set", "u", 1, EventProperties.of("a", 3L, "b", 4L)));
    aggregator.add(event("$set", "u", 2, EventProperties.of("b", 5L, "c", 6L)));

    assertThat(aggregator.result("u")).contains(
        new PropertyMap(EventProperties.of("a", 3L, "b", 5L, "c", 6L), T.plusMinutes(1), T.plusMinutes(2)));
  }

  @Test
  void resultWhenLastEventIsDeleteIsAbsent() {
    PropertyAggregator aggregator = new PropertyAggregator();
    aggregator.add(event("$set", "u", 1, EventProperties.of("a", 1L)));
    aggregator.add(event("$delete", "u", 2, EventProperties.EMPTY));

    assertThat(aggregator.result("u")).isEmpty();
    assertThat(aggregator.results(Set.of())).isEmpty();
  }

  @Test
  void resultWhenOnlyUnsetStaysAbsent() {
    PropertyAggregator aggregator = new PropertyAggregator();
    aggregator.add(event("$unset", "u", 1, EventProperties.of("a", null)));

    assertThat(aggregator.result("u")).isEmpty();
  }

  @Test
  void resultsIgnoreOtherEventsAndApplyRequiredKeys() {
    PropertyAggregator aggregator = new PropertyAggregator();
    aggregator.add(event("$set", "u1", 1, EventProperties.of("a", 1L, "b", null)));
    aggregator.add(event("$set", "u2", 1, EventProperties.of("a", 2L)));
    aggregator.add(event("view", "u3", 1, EventProperties.of("a", 3L)));

    assertThat(aggregator.results(Set.of()).keySet()).containsExactly("u1", "u2");
    assertThat(aggregator.results(Set.of("a", "b")).keySet()).containsExactly("u1");
  }

  private static Event event(String name, String entityId, int minutes, EventProperties properties) {
    return Event.builder(name, "user", entityId).properties(properties).eventTime(T.plusMinutes(minutes)).build();
  }
}
