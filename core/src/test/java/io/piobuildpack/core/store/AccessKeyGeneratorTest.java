package io.piobuildpack.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AccessKeyGeneratorTest {

  @Test
  void nextIsSixtyFourUrlSafeCharacters() {
    assertThat(new AccessKeyGenerator().next()).matches("[A-Za-z0-9_-]{64}");
  }

  @Test
  void nextWhenRandomKeyStartsWithDashDrawsAgain() {
    SecureRandom dashFirst = new SecureRandom() {
      private static final long serialVersionUID = 1L;
      private int calls;

      @Override
      public void nextBytes(byte[] bytes) {
        // 0xFB = 111110 11...: the first Base64url character is '-' on the first draw only
        Arrays.fill(bytes, calls++ == 0 ? (byte) 0xFB : (byte) 0x41);
      }
    };

    String key = new AccessKeyGenerator(dashFirst).next();

    assertThat(key).hasSize(64).doesNotStartWith("-").startsWith("QU");
  }

  @Test
  void eventIdGeneratorMakesThirtyTwoLowercaseHexCharacters() {
    assertThat(EventIdGenerator.next()).matches("[0-9a-f]{32}").isNotEqualTo(EventIdGenerator.next());
  }
}
