package io.piobuildpack.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event record and its builder (the defaults of PredictionIO's {@code Event},
 * https://github.com/apache/predictionio/blob/v0.14.0/data/src/main/scala/org/apache/predictionio/data/storage/Event.scala).
 */
class EventTest {

  private static final ZonedDateTime T = ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000, ZoneOffset.UTC);

  @Test
  void builderDefaultsEventTimeToCreationTimeAndCreationTimeToNowInUtc() {
    Event e = Event.builder("view", "user", "u1").build();

    assertThat(e.eventTime()).isEqualTo(e.creationTime());
    assertThat(e.creationTime().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(e.properties()).isSameAs(EventProperties.EMPTY);
    assertThat(e.tags()).isEmpty();
    assertThat(e.eventIdOpt()).isEmpty();
    assertThat(e.targetEntityTypeOpt()).isEmpty();
    assertThat(e.targetEntityIdOpt()).isEmpty();
    assertThat(e.prIdOpt()).isEmpty();
  }

  @Test
  void builderWithCreationTimeOnlyUsesItForEventTime() {
    Event e = Event.builder("view", "user", "u1").creationTime(T).build();

    assertThat(e.eventTime()).isEqualTo(T);
  }

  @Test
  void constructorTruncatesTimesToMillisAndMapsZeroOffsetsToUtc() {
    Event e = Event.builder("view", "user", "u1")
        .eventTime(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 678_999_999, ZoneId.of("Etc/UTC")))
        .creationTime(ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 678_500_000, ZoneOffset.ofHours(0)))
        .build();

    assertThat(e.eventTime()).isEqualTo(T);
    assertThat(e.creationTime()).isEqualTo(T);
  }

  @Test
  void constructorKeepsNonZeroOffsetsAndRegions() {
    ZonedDateTime plus8 = ZonedDateTime.of(2024, 1, 2, 12, 0, 0, 0, ZoneOffset.ofHours(8));
    ZonedDateTime la = ZonedDateTime.of(2024, 1, 2, 12, 0, 0, 0, ZoneId.of("America/Los_Angeles"));

    assertThat(Event.builder("view", "user", "u1").eventTime(plus8).build().eventTime()).isEqualTo(plus8);
    assertThat(Event.builder("view", "user", "u1").eventTime(la).build().eventTime()).isEqualTo(la);
  }

  @Test
  void constructorCopiesTagsAndDefaultsNulls() {
    List<String> tags = new ArrayList<>(List.of("a"));
    Event e = new Event(null, "view", "user", "u1", null, null, null, T, tags, null, T);
    tags.add("b");

    assertThat(e.tags()).containsExactly("a");
    assertThatThrownBy(() -> e.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(e.properties()).isSameAs(EventProperties.EMPTY);
    assertThat(new Event(null, "view", "user", "u1", null, null, null, T, null, null, T).tags()).isEmpty();
  }

  @Test
  void constructorRequiresEventEntityAndTimes() {
    assertThatThrownBy(() -> new Event(null, null, "user", "u1", null, null, null, T, null, null, T))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Event(null, "view", null, "u1", null, null, null, T, null, null, T))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Event(null, "view", "user", null, null, null, null, T, null, null, T))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Event(null, "view", "user", "u1", null, null, null, null, null, null, T))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Event(null, "view", "user", "u1", null, null, null, T, null, null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void withEventIdAndWithCreationTimeChangeOnlyThatField() {
    Event e = Event.builder("rate", "user", "u1").target("item", "i1").properties(EventProperties.of("r", 4))
        .eventTime(T).prId("p").tags(List.of("t")).creationTime(T).build();
    ZonedDateTime later = T.plusDays(1);

    Event withId = e.withEventId("abc");
    Event recreated = e.withCreationTime(later);

    assertThat(withId.eventId()).isEqualTo("abc");
    assertThat(withId.withEventId(null)).isEqualTo(e);
    assertThat(recreated.creationTime()).isEqualTo(later);
    assertThat(recreated.withCreationTime(T)).isEqualTo(e);
    assertThat(withId.eventIdOpt()).contains("abc");
    assertThat(e.targetEntityTypeOpt()).contains("item");
    assertThat(e.targetEntityIdOpt()).contains("i1");
    assertThat(e.prIdOpt()).contains("p");
  }

  @Test
  void formatErrorDescribesWholeInputWhenNoFieldIsAtFault() {
    EventFormatException e = new EventFormatException(null, null, "not valid JSON: x", "pio text");

    assertThat(e.describe()).isEqualTo("not valid JSON: x");
    assertThat(e.reason()).isEqualTo("not valid JSON: x");
    assertThat(e.pioMessage()).isEqualTo("pio text");
    assertThat(new EventFormatException("entityId", null, "field is required", "m").describe())
        .isEqualTo("entityId: field is required");
  }
}
