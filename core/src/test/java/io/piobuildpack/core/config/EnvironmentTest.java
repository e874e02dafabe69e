package io.piobuildpack.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  @Test
  void findWhenValueIsBlankOrMissingIsEmpty() {
    Environment env = Environment.of(Map.of("BLANK", "  ", "SET", " value "));

    assertThat(env.find("BLANK")).isEmpty();
    assertThat(env.find("MISSING")).isEmpty();
    assertThat(env.find("SET")).contains("value");
    assertThat(env.get("BLANK")).isEqualTo("  ");
  }
}
