package io.piobuildpack.testsupport.process;

import java.util.List;

/**
 * A finished command, in-process or a child process: its exit code and what it printed on standard output and
 * standard error (UTF-8 text). Assert on it with {@link CommandResultAssert#assertThat(CommandResult)}.
 *
 * @param exitCode the exit status, 0 to 255 for a child process (128 + n when killed by signal n)
 * @param out everything written to standard output
 * @param err everything written to standard error
 */
public record CommandResult(int exitCode, String out, String err) {

  /** Standard output split into lines, without line terminators. */
  public List<String> outLines() {
    return out.lines().toList();
  }

  /** Standard error split into lines, without line terminators. */
  public List<String> errLines() {
    return err.lines().toList();
  }

  /** Everything the command printed: standard output, then standard error. */
  public String output() {
    return out + err;
  }

  /** The exit code and both streams, as shown when an assertion on this result fails. */
  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
