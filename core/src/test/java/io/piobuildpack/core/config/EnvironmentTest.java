package io.piobuildpack.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  private enum Archive { ON, OFF, READ_ONLY }

  private static Environment env(String... pairs) {
    java.util.Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Environment.of(map);
  }

  @Test
  void findWhenValueIsBlankOrMissingIsEmpty() {
    Environment env = Environment.of(Map.of("BLANK", "  ", "SET", " value "));

    assertThat(env.find("BLANK")).isEmpty();
    assertThat(env.find("MISSING")).isEmpty();
    assertThat(env.find("SET")).contains("value");
    assertThat(env.get("BLANK")).isEqualTo("  ");
  }

  @Test
  void flagIsTrueOrFalseTrimmedInAnyCaseAndDefaultsWhenUnsetOrBlank() {
    Environment env = env("A", "true", "B", " TRUE\n", "C", "False", "D", "  ");

    assertThat(env.flag("A", false)).isTrue();
    assertThat(env.flag("B", false)).isTrue();
    assertThat(env.flag("C", true)).isFalse();
    assertThat(env.flag("D", true)).isTrue();
    assertThat(env.flag("UNSET", false)).isFalse();
  }

  @Test
  void flagWithAnyOtherValueFailsNamingTheVariableAndValue() {
    Environment env = env("PIO_PURGE_ON_SYNC", "yes");

    assertThatThrownBy(() -> env.flag("PIO_PURGE_ON_SYNC", false))
        .isInstanceOfSatisfying(InvalidVariableException.class, e -> {
          assertThat(e.variable()).isEqualTo("PIO_PURGE_ON_SYNC");
          assertThat(e.problem()).isEqualTo("must be true or false, not 'yes'");
        })
        .hasMessage("PIO_PURGE_ON_SYNC must be true or false, not 'yes'");
  }

  @Test
  void aRefusedValueIsShownEscapedAndCutSoAFileOrSecretDoesNotLandInTheLog() {
    Environment env = env("PIO_VERBOSE", "root:*:1:0\ndaemon:*:1:0\nbin:*:1:0\nsys:*:1:0\nsync:*:1:0\ngames:*:1:0");

    assertThatThrownBy(() -> env.flag("PIO_VERBOSE", false))
        .hasMessage("PIO_VERBOSE must be true or false, not 'root:*:1:0\\ndaemon:*:1:0\\nbin:*:1:0\\nsys:*:'"
            + " (26 more characters)");
  }

  @Test
  void isTrueUsesTheSameDefinitionButNeverThrows() {
    Environment env = env("A", " True ", "B", "1", "C", "on");

    assertThat(env.isTrue("A")).isTrue();
    assertThat(env.isTrue("B")).isFalse();
    assertThat(env.isTrue("C")).isFalse();
    assertThat(env.isTrue("UNSET")).isFalse();
    assertThat(Environment.parseFlag("yes")).isEmpty();
    assertThat(Environment.parseFlag(null)).isEmpty();
  }

  @Test
  void secondsReadsWholeNonNegativeSecondsAndDefaultsWhenUnset() {
    Environment env = env("WAIT", " 90 ", "ZERO", "0");

    assertThat(env.seconds("WAIT", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
    assertThat(env.seconds("ZERO", Duration.ofSeconds(5))).isEqualTo(Duration.ZERO);
    assertThat(env.seconds("UNSET", Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void secondsThatAreNotAWholeNumberOrNegativeFailNamingTheVariable() {
    Environment env = env("PIO_HOOK_TIMEOUT", "1.5", "PIO_DATABASE_WAIT", "-1");

    assertThatThrownBy(() -> env.seconds("PIO_HOOK_TIMEOUT", Duration.ZERO))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessage("PIO_HOOK_TIMEOUT must be a whole number of seconds, not '1.5'");
    assertThatThrownBy(() -> env.seconds("PIO_DATABASE_WAIT", Duration.ZERO))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessage("PIO_DATABASE_WAIT must not be negative");
  }

  @Test
  void wholeNumberIsEmptyWhenUnsetAndFailsWithTheExpectedKindNamed() {
    Environment env = env("PIO_CONTAINER_MEMORY_MB", "2048", "BAD", "2g");

    assertThat(env.wholeNumber("PIO_CONTAINER_MEMORY_MB", "number of MiB")).isEqualTo(OptionalLong.of(2048));
    assertThat(env.wholeNumber("UNSET", "number of MiB")).isEmpty();
    assertThatThrownBy(() -> env.wholeNumber("BAD", "number of MiB"))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessage("BAD must be a number of MiB, not '2g'");
  }

  @Test
  void requireGivesTheTrimmedValueAndFailsWhenUnsetOrBlank() {
    Environment env = env("PIO_EVENTSERVER_APP_NAME", " app ", "BLANK", " ");

    assertThat(env.require("PIO_EVENTSERVER_APP_NAME")).isEqualTo("app");
    assertThatThrownBy(() -> env.require("BLANK"))
        .isInstanceOfSatisfying(MissingVariableException.class, e -> assertThat(e.variable()).isEqualTo("BLANK"))
        .hasMessage("BLANK is not set");
    assertThatThrownBy(() -> env.require("UNSET")).isInstanceOf(MissingVariableException.class);
  }

  @Test
  void enumerationMatchesAnyCaseWithDashForUnderscoreAndListsTheChoicesOnFailure() {
    Environment env = env("A", "off", "B", "Read-Only", "C", "maybe");

    assertThat(env.enumeration("A", Archive.class, Archive.ON)).isEqualTo(Archive.OFF);
    assertThat(env.enumeration("B", Archive.class, Archive.ON)).isEqualTo(Archive.READ_ONLY);
    assertThat(env.enumeration("UNSET", Archive.class, Archive.ON)).isEqualTo(Archive.ON);
    assertThatThrownBy(() -> env.enumeration("C", Archive.class, Archive.ON))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessage("C must be one of on, off, read-only, not 'maybe'");
  }

  @Test
  void layeredTakesEachVariableFromTheFirstSourceThatSetsIt() {
    Environment top = env("A", "top", "EMPTY", "");
    Environment bottom = env("A", "bottom", "B", "bottom", "EMPTY", "bottom");

    Environment layered = Environment.layered(top, bottom);

    assertThat(layered.get("A")).isEqualTo("top");
    assertThat(layered.get("B")).isEqualTo("bottom");
    assertThat(layered.get("EMPTY")).isEmpty();
    assertThat(layered.get("UNSET")).isNull();
    assertThat(layered.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "top", "B", "bottom", "EMPTY", ""));
  }
}
