package io.piobuildpack.testsupport.process;

import static io.piobuildpack.testsupport.process.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandResultAssertTest {

  private final CommandResult usage = new CommandResult(2, "partial\n", "Missing required option: '--app'\n");

  @Test
  void passesOnTheExpectedExitCodeAndStreams() {
    assertThat(usage).exitedWith(2).failed().stdoutContains("partial").stderrContains("--app")
        .stdoutDoesNotContain("--app").outputContains("partial", "--app").stdoutIsEqualTo("partial\n");
    assertThat(new CommandResult(0, "", "")).succeeded().stdoutIsEmpty().stderrIsEmpty();
  }

  @Test
  void aWrongExitCodeFailsShowingBothStreams() {
    assertThatThrownBy(() -> assertThat(usage).exitedWith(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected exit code 0 but was 2")
        .hasMessageContaining("--- stdout ---\npartial\n")
        .hasMessageContaining("--- stderr ---\nMissing required option");
    assertThatThrownBy(() -> assertThat(usage).succeeded()).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertThat(new CommandResult(0, "", "")).failed())
        .hasMessageContaining("expected a non-zero exit code");
  }

  @Test
  void aMissingTextFailsNamingTheStreamAndShowingTheResult() {
    assertThatThrownBy(() -> assertThat(usage).stdoutContains("--app"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("stdout of").hasMessageContaining("exit 2");
    assertThatThrownBy(() -> assertThat(usage).stderrContains("partial"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("stderr of");
    assertThatThrownBy(() -> assertThat(usage).stderrIsEmpty()).isInstanceOf(AssertionError.class);
  }

  @Test
  void linesAreSplitWithoutTerminators() {
    CommandResult lines = new CommandResult(0, "a\r\nb\n", "c");
    assertThat(lines).stdoutLines().containsExactly("a", "b");
    assertThat(lines).stderrLines().containsExactly("c");
    assertThat(lines.output()).isEqualTo("a\r\nb\nc");
  }
}
