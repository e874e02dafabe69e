package io.piobuildpack.core.event.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.event.EventProperties;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The properties column text ({@code JDBCLEvents},
 * https://github.com/apache/predictionio/blob/v0.14.0/storage/jdbc/src/main/scala/org/apache/predictionio/data/storage/jdbc/JDBCLEvents.scala).
 */
class PropertiesJsonTest {

  @Test
  void toJsonOfEmptyPropertiesIsEmptyObject() {
    assertThat(PropertiesJson.toJson(EventProperties.EMPTY)).isEqualTo("{}");
  }

  @Test
  void toJsonIsCompactAndKeepsOrder() {
    EventProperties p = EventProperties.of("b", 1, "a", List.of(4.56, "x"), "c", null);

    assertThat(PropertiesJson.toJson(p)).isEqualTo("{\"b\":1,\"a\":[4.56,\"x\"],\"c\":null}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"a\":1}", "{\"b\":1,\"a\":[4.56,\"x\",null,{\"q\":true}],\"c\":null}",
      "{\"big\":123456789012345678901234567890,\"e\":1.0E10,\"s\":\"\\\"\\\\\\n\"}"})
  void fromJsonThenToJsonGivesTheSameText(String json) {
    assertThat(PropertiesJson.toJson(PropertiesJson.fromJson(json))).isEqualTo(json);
  }

  @Test
  void fromJsonReadsNumbersLikeTheEventReader() {
    EventProperties p = PropertiesJson.fromJson("{\"i\":4,\"d\":4.56,\"big\":123456789012345678901234567890}");

    assertThat(p.get("i")).isEqualTo(4L);
    assertThat(p.get("d")).isEqualTo(4.56);
    assertThat(p.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void fromJsonOfNullOrBlankIsEmpty() {
    assertThat(PropertiesJson.fromJson(null)).isSameAs(EventProperties.EMPTY);
    assertThat(PropertiesJson.fromJson("")).isSameAs(EventProperties.EMPTY);
    assertThat(PropertiesJson.fromJson("  \n")).isSameAs(EventProperties.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "5", "\"x\"", "null", "true"})
  void fromJsonRejectsNonObjects(String json) {
    assertThatThrownBy(() -> PropertiesJson.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"a\":1 \"b\":2}", "{\"a\":1,}", "nope"})
  void fromJsonRejectsInvalidJson(String json) {
    assertThatThrownBy(() -> PropertiesJson.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
  }
}
