package io.piobuildpack.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The properties value type (PredictionIO's {@code DataMap},
 * https://github.com/apache/predictionio/blob/v0.14.0/data/src/main/scala/org/apache/predictionio/data/storage/DataMap.scala).
 */
class EventPropertiesTest {

  @Test
  void ofNormalisesNumbersDeeply() {
    EventProperties p = EventProperties.of("i", 1, "s", (short) 2, "b", (byte) 3, "l", 4L,
        "smallBig", BigInteger.valueOf(5), "big", new BigInteger("18446744073709551616"), "f", 1.5f,
        "dec", new BigDecimal("4.56"), "nested", Map.of("x", List.of(1, 2.5f)));

    assertThat(p.get("i")).isEqualTo(1L);
    assertThat(p.get("s")).isEqualTo(2L);
    assertThat(p.get("b")).isEqualTo(3L);
    assertThat(p.get("l")).isEqualTo(4L);
    assertThat(p.get("smallBig")).isEqualTo(5L);
    assertThat(p.get("big")).isEqualTo(new BigInteger("18446744073709551616"));
    assertThat(p.get("f")).isEqualTo(1.5);
    assertThat(p.get("dec")).isEqualTo(4.56);
    assertThat(p.get("nested")).isEqualTo(Map.of("x", List.of(1L, 2.5)));
  }

  @Test
  void ofKeepsOrderAndNullValues() {
    EventProperties p = EventProperties.of("z", 1, "a", null, "m", "x");

    assertThat(p.keys()).containsExactly("z", "a", "m");
    assertThat(p.contains("a")).isTrue();
    assertThat(p.get("a")).isNull();
    assertThat(p.contains("nope")).isFalse();
    assertThat(p.size()).isEqualTo(3);
  }

  @Test
  void ofEmptyMapIsEmpty() {
    assertThat(EventProperties.of(Map.of())).isSameAs(EventProperties.EMPTY);
    assertThat(EventProperties.of()).isSameAs(EventProperties.EMPTY);
    assertThat(EventProperties.EMPTY.isEmpty()).isTrue();
  }

  @Test
  void propertiesAreImmutableCopies() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("list", Arrays.asList(1, 2));
    EventProperties p = EventProperties.of(source);
    source.put("other", 1);

    assertThat(p.keys()).containsExactly("list");
    assertThatThrownBy(() -> p.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) p.get("list")).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void ofRejectsOddArgumentsAndNonJsonValues() {
    assertThatThrownBy(() -> EventProperties.of("a", 1, "b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventProperties.of("a", new Object())).isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> nullKey = new LinkedHashMap<>();
    nullKey.put(null, 1);
    assertThatThrownBy(() -> EventProperties.of(nullKey)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mergedWithAddsAndOverwritesKeys() {
    EventProperties base = EventProperties.of("a", 1, "b", 2);

    EventProperties merged = base.mergedWith(EventProperties.of("b", 3, "c", 4));

    assertThat(merged).isEqualTo(EventProperties.of("a", 1, "b", 3, "c", 4));
    assertThat(base.mergedWith(EventProperties.EMPTY)).isSameAs(base);
  }

  @Test
  void withoutRemovesKeys() {
    EventProperties base = EventProperties.of("a", 1, "b", 2);

    assertThat(base.without(Set.of("a", "zz"))).isEqualTo(EventProperties.of("b", 2));
    assertThat(base.without(Set.of("a", "b"))).isSameAs(EventProperties.EMPTY);
  }

  @Test
  void equalityIsByValue() {
    assertThat(EventProperties.of("a", 1)).isEqualTo(EventProperties.of("a", 1L))
        .hasSameHashCodeAs(EventProperties.of("a", 1L))
        .isNotEqualTo(EventProperties.of("a", 1.0));
    assertThat(EventProperties.of("a", 1).toString()).contains("a=1");
  }
}
