package io.piobuildpack.core.event.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonSyntaxTest {

  @Test
  void aLineCutInsideAnObjectNamesWhereTheObjectStartedWithoutJacksonsSourceText() {
    JsonProcessingException e = null;
    try {
      new ObjectMapper().readTree("{\"event\":\"view\",\"entityType\":\"user\"");
    } catch (JsonProcessingException thrown) {
      e = thrown;
    }
    assertThat(e).isNotNull();

    assertThat(JsonSyntax.describe(e, false))
        .isEqualTo("not valid JSON: Unexpected end-of-input: expected close marker for Object"
            + " (start marker at column 1) (column 36)")
        .doesNotContain("Source").doesNotContain("REDACTED");
    assertThat(JsonSyntax.describe(e, true)).contains("(start marker at line 1, column 1)");
  }
}
