package io.piobuildpack.testsupport.process;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.StringAssert;

/**
 * AssertJ assertions on a {@link CommandResult}: {@code assertThat(result).exitedWith(2).stderrContains("--app")}.
 * Every failure message shows the whole result (exit code, stdout, stderr), so a wrong exit code explains itself.
 */
public final class CommandResultAssert extends AbstractAssert<CommandResultAssert, CommandResult> {

  private CommandResultAssert(CommandResult actual) {
    super(actual, CommandResultAssert.class);
  }

  /** The entry point; import it statically next to AssertJ's {@code Assertions.assertThat}. */
  public static CommandResultAssert assertThat(CommandResult actual) {
    return new CommandResultAssert(actual);
  }

  /** The command exited with this code. */
  public CommandResultAssert exitedWith(int expected) {
    isNotNull();
    if (actual.exitCode() != expected) {
      failWithMessage("expected exit code %d but was %d%n%s", expected, actual.exitCode(), actual);
    }
    return this;
  }

  /** The command exited with code 0. */
  public CommandResultAssert succeeded() {
    return exitedWith(0);
  }

  /** The command exited with any code but 0. */
  public CommandResultAssert failed() {
    isNotNull();
    if (actual.exitCode() == 0) {
      failWithMessage("expected a non-zero exit code%n%s", actual);
    }
    return this;
  }

  /** Standard output contains every one of these strings. */
  public CommandResultAssert stdoutContains(CharSequence... values) {
    stdout().contains(values);
    return this;
  }

  /** Standard error contains every one of these strings. */
  public CommandResultAssert stderrContains(CharSequence... values) {
    stderr().contains(values);
    return this;
  }

  /** Standard output, then standard error, together contain every one of these strings. */
  public CommandResultAssert outputContains(CharSequence... values) {
    Assertions.assertThat(actual.output()).as("output of%n%s", actual).contains(values);
    return this;
  }

  /** Standard output contains none of these strings. */
  public CommandResultAssert stdoutDoesNotContain(CharSequence... values) {
    stdout().doesNotContain(values);
    return this;
  }

  /** Standard error contains none of these strings. */
  public CommandResultAssert stderrDoesNotContain(CharSequence... values) {
    stderr().doesNotContain(values);
    return this;
  }

  /** Standard output and standard error both contain none of these strings. */
  public CommandResultAssert outputDoesNotContain(CharSequence... values) {
    Assertions.assertThat(actual.output()).as("output of%n%s", actual).doesNotContain(values);
    return this;
  }

  /** Standard output is exactly this text. */
  public CommandResultAssert stdoutIsEqualTo(String expected) {
    stdout().isEqualTo(expected);
    return this;
  }

  /** Standard error is exactly this text. */
  public CommandResultAssert stderrIsEqualTo(String expected) {
    stderr().isEqualTo(expected);
    return this;
  }

  /** Nothing was written to standard output. */
  public CommandResultAssert stdoutIsEmpty() {
    stdout().isEmpty();
    return this;
  }

  /** Nothing was written to standard error. */
  public CommandResultAssert stderrIsEmpty() {
    stderr().isEmpty();
    return this;
  }

  /** Standard output as a string, for any other AssertJ string assertion. */
  public StringAssert stdout() {
    isNotNull();
    return new StringAssert(actual.out()).as("stdout of%n%s", actual);
  }

  /** Standard error as a string, for any other AssertJ string assertion. */
  public StringAssert stderr() {
    isNotNull();
    return new StringAssert(actual.err()).as("stderr of%n%s", actual);
  }

  /** The lines of standard output. */
  public ListAssert<String> stdoutLines() {
    isNotNull();
    return Assertions.assertThat(actual.outLines()).as("stdout lines of%n%s", actual);
  }

  /** The lines of standard error. */
  public ListAssert<String> stderrLines() {
    isNotNull();
    return Assertions.assertThat(actual.errLines()).as("stderr lines of%n%s", actual);
  }
}
