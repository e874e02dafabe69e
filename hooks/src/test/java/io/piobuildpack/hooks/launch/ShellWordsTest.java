package io.piobuildpack.hooks.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellWordsTest {

  static Stream<Arguments> splits() {
    return Stream.of(
        Arguments.of("", List.of()),
        Arguments.of("   \t ", List.of()),
        Arguments.of("--driver-memory 1g", List.of("--driver-memory", "1g")),
        Arguments.of("  a   b\tc\nd ", List.of("a", "b", "c", "d")),
        Arguments.of("--conf 'spark.x=a b'", List.of("--conf", "spark.x=a b")),
        Arguments.of("--conf \"spark.x=a b\"", List.of("--conf", "spark.x=a b")),
        Arguments.of("a\\ b", List.of("a b")),
        Arguments.of("\"a\\\"b\" 'c\\d'", List.of("a\"b", "c\\d")),
        Arguments.of("x''y \"\"", List.of("xy", "")),
        Arguments.of("$HOME $(rm -rf /) `id` ; *", List.of("$HOME", "$(rm", "-rf", "/)", "`id`", ";", "*")),
        Arguments.of("\"$HOME\"", List.of("$HOME")),
        Arguments.of("\"a\\$b\"", List.of("a$b")),
        Arguments.of("pre\"mid dle\"post", List.of("premid dlepost")));
  }

  @ParameterizedTest
  @MethodSource("splits")
  void splitWhenGivenShellTextReturnsTheWordsAShellWouldWithoutEvaluating(String text, List<String> words) {
    assertThat(ShellWords.split(text)).isEqualTo(words);
  }

  @Test
  void splitWhenNullReturnsNoWords() {
    assertThat(ShellWords.split(null)).isEmpty();
  }

  @Test
  void splitWhenSingleQuoteIsNotClosedNamesTheProblem() {
    assertThatThrownBy(() -> ShellWords.split("--conf 'a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unterminated single quote at character 8");
  }

  @Test
  void splitWhenDoubleQuoteIsNotClosedNamesTheProblem() {
    assertThatThrownBy(() -> ShellWords.split("a \"b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unterminated double quote");
  }
}
