package io.piobuildpack.core.cli;

import static io.piobuildpack.core.batch.EventLines.gzip;
import static io.piobuildpack.core.batch.EventLines.missingEntityId;
import static io.piobuildpack.core.batch.EventLines.text;
import static io.piobuildpack.core.batch.EventLines.utf8;
import static io.piobuildpack.core.batch.EventLines.valid;
import static io.piobuildpack.core.batch.EventLines.validExcept;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  /** What the summary adds when no database is configured (these tests configure none). */
  static final String NOT_CHECKED = " (no database configured, so PostgreSQL's limit was not checked: no U+0000 in text"
      + " fields; give --database-url or set DATABASE_URL to check it)";

  private static final String NL = System.lineSeparator();

  @TempDir
  Path dir;

  @Test
  void validateWhenEveryLineIsValidExitsZeroAndPrintsTheCount() throws IOException {
    Path file = write("events.json", utf8(text(validExcept(1234))));

    Run run = Run.of("validate", "--input", file.toString());

    assertThat(run.code).isEqualTo(0);
    assertThat(run.out).isEqualTo("1234 events OK" + NOT_CHECKED + NL);
    assertThat(run.err).isEmpty();
  }

  @Test
  void validateAcceptsTheShortInputOption() throws IOException {
    Path file = write("events.json", utf8(text(validExcept(3))));

    Run run = Run.of("validate", "-i", file.toString());

    assertThat(run.code).isEqualTo(0);
    assertThat(run.out).isEqualTo("3 events OK" + NOT_CHECKED + NL);
  }

  @Test
  void validateWhenFileHasOnlyBlankLinesReportsZeroEventsOk() throws IOException {
    Path file = write("events.json", utf8("\n  \n"));

    Run run = Run.of("validate", "--input", file.toString());

    assertThat(run.code).isEqualTo(0);
    assertThat(run.out).isEqualTo("0 events OK" + NOT_CHECKED + NL);
  }

  @Test
  void validateWhenLinesAreBadExitsOneAndReportsEachLineThenASummary() throws IOException {
    List<String> lines = validExcept(20, 1, 17, 20);
    lines.set(4, "[1,2,3]");
    lines.set(9, "{\"event\":\"rate\",");
    Path file = write("events.json", utf8(text(lines)));
    String f = file.toString();

    Run run = Run.of("validate", "--input", f);

    assertThat(run.code).isEqualTo(1);
    assertThat(run.out).isEmpty();
    List<String> err = run.errLines();
    assertThat(err).hasSize(6);
    assertThat(err.get(0)).isEqualTo(f + ":1: entityId: field is required");
    assertThat(err.get(1)).isEqualTo(f + ":5: expected a JSON object but got an array");
    assertThat(err.get(2)).startsWith(f + ":10: not valid JSON: ");
    assertThat(err.get(3)).isEqualTo(f + ":17: entityId: field is required");
    assertThat(err.get(4)).isEqualTo(f + ":20: entityId: field is required");
    assertThat(err.get(5)).isEqualTo(f + ": 5 bad lines, 15 valid events; nothing would be imported");
  }

  @Test
  void validateWhenOneLineIsBadUsesTheSingularInTheSummary() throws IOException {
    Path file = write("events.json", utf8(valid(1) + "\n" + missingEntityId(2) + "\n"));
    String f = file.toString();

    Run run = Run.of("validate", "--input", f);

    assertThat(run.code).isEqualTo(1);
    assertThat(run.errLines()).containsExactly(
        f + ":2: entityId: field is required",
        f + ": 1 bad line, 1 valid event; nothing would be imported");
  }

  @Test
  void validateWithMaxErrorsReportsAtMostThatManyLinesThenCountsTheRest() throws IOException {
    Path file = write("events.json", utf8(text(validExcept(10, 2, 4, 6, 8, 10))));
    String f = file.toString();

    Run run = Run.of("validate", "--input", f, "--max-errors", "2");

    assertThat(run.code).isEqualTo(1);
    assertThat(run.errLines()).containsExactly(
        f + ":2: entityId: field is required",
        f + ":4: entityId: field is required",
        f + ": ... and 3 more bad lines",
        f + ": 5 bad lines, 5 valid events; nothing would be imported");
  }

  @Test
  void validateByDefaultReportsAtMostOneHundredBadLines() throws IOException {
    int[] bad = new int[150];
    Arrays.setAll(bad, i -> i + 1);
    Path file = write("events.json", utf8(text(validExcept(200, bad))));
    String f = file.toString();

    Run run = Run.of("validate", "--input", f);

    assertThat(run.code).isEqualTo(1);
    List<String> err = run.errLines();
    assertThat(err).hasSize(102);
    assertThat(err.get(99)).isEqualTo(f + ":100: entityId: field is required");
    assertThat(err.get(100)).isEqualTo(f + ": ... and 50 more bad lines");
    assertThat(err.get(101)).isEqualTo(f + ": 150 bad lines, 50 valid events; nothing would be imported");
  }

  @Test
  void validateReadsGzipFiles() throws IOException {
    Path file = write("events.json.gz", gzip(utf8(text(validExcept(42)))));

    Run run = Run.of("validate", "--input", file.toString());

    assertThat(run.code).isEqualTo(0);
    assertThat(run.out).isEqualTo("42 events OK" + NOT_CHECKED + NL);
  }

  @Test
  void validateWhenFileIsMissingExitsSixtySixNamingIt() {
    String missing = dir.resolve("nope.json").toString();

    Run run = Run.of("validate", "--input", missing);

    assertThat(run.code).isEqualTo(66).isEqualTo(ExitCode.INPUT_UNREADABLE.code());
    assertThat(run.out).isEmpty();
    assertThat(run.errLines()).containsExactly("pio-data: " + missing + ": no such file");
  }

  @Test
  void validateWhenInputIsADirectoryExitsSixtySix() {
    Run run = Run.of("validate", "--input", dir.toString());

    assertThat(run.code).isEqualTo(66);
    assertThat(run.errLines()).containsExactly("pio-data: " + dir + ": is a directory, not an event file");
  }

  @Test
  void validateWhenGzipIsTruncatedExitsSixtySixWithoutAStackTrace() throws IOException {
    byte[] whole = gzip(utf8(text(validExcept(2_000))));
    Path file = write("events.json.gz", Arrays.copyOf(whole, whole.length / 2));

    Run run = Run.of("validate", "--input", file.toString());

    assertThat(run.code).isEqualTo(66);
    assertThat(run.out).isEmpty();
    assertThat(run.errLines()).singleElement().asString().startsWith("pio-data: " + file + ": cannot read: ");
  }

  @Test
  void validateWhenGzipTrailerIsMissingExitsSixtySixSayingTheFileIsTruncated() throws IOException {
    byte[] whole = gzip(utf8(text(validExcept(3))));
    Path file = write("events.json.gz", Arrays.copyOf(whole, whole.length - 4));

    Run run = Run.of("validate", "--input", file.toString());

    assertThat(run.code).isEqualTo(66);
    assertThat(run.errLines())
        .containsExactly("pio-data: " + file + ": cannot read: unexpected end of gzip data (truncated file?)");
  }

  @Test
  void validateWithDashReadsStandardInput() {
    Run run = withStdin(utf8(valid(1) + "\n" + valid(2) + "\n"), () -> Run.of("validate", "--input", "-"));

    assertThat(run.code).isEqualTo(0);
    assertThat(run.out).isEqualTo("2 events OK" + NOT_CHECKED + NL);
  }

  @Test
  void validateWithDashReportsBadStandardInputLinesAsStdin() {
    Run run = withStdin(utf8(valid(1) + "\n\n" + missingEntityId(3) + "\n"), () -> Run.of("validate", "-i", "-"));

    assertThat(run.code).isEqualTo(1);
    assertThat(run.errLines()).containsExactly(
        "<stdin>:3: entityId: field is required",
        "<stdin>: 1 bad line, 1 valid event; nothing would be imported");
  }

  @Test
  void validateWithDashReadsGzipStandardInput() {
    Run run = withStdin(gzip(utf8(text(validExcept(7)))), () -> Run.of("validate", "--input", "-"));

    assertThat(run.code).isEqualTo(0);
    assertThat(run.out).isEqualTo("7 events OK" + NOT_CHECKED + NL);
  }

  @Test
  void validateWithoutInputIsAUsageError() {
    Run run = Run.of("validate");

    assertThat(run.code).isEqualTo(2).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("pio-data: ").contains("--input");
    assertThat(run.err).contains("Try 'pio-data validate --help' for more information.");
  }

  @Test
  void validateWithUnknownOptionIsAUsageError() throws IOException {
    Path file = write("events.json", utf8(valid(1)));

    Run run = Run.of("validate", "--input", file.toString(), "--frobnicate");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("--frobnicate").contains("Try 'pio-data validate --help'");
  }

  @Test
  void validateWithInputButNoValueIsAUsageError() {
    Run run = Run.of("validate", "--input");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).startsWith("pio-data: ");
  }

  @Test
  void validateWithMaxErrorsZeroIsAUsageError() throws IOException {
    Path file = write("events.json", utf8(missingEntityId(1)));

    Run run = Run.of("validate", "--input", file.toString(), "--max-errors", "0");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.errLines()).containsExactly("pio-data: --max-errors must be at least 1, not 0");
  }

  @Test
  void validateWithNegativeOrNonNumericMaxErrorsIsAUsageError() throws IOException {
    Path file = write("events.json", utf8(valid(1)));

    assertThat(Run.of("validate", "--input", file.toString(), "--max-errors", "-3").code).isEqualTo(2);
    Run notANumber = Run.of("validate", "--input", file.toString(), "--max-errors", "lots");
    assertThat(notANumber.code).isEqualTo(2);
    assertThat(notANumber.err).contains("lots");
  }

  @Test
  void validateHelpPrintsUsageOptionsAndExitCodes() {
    Run run = Run.of("validate", "--help");

    assertThat(run.code).isEqualTo(0);
    assertThat(run.err).isEmpty();
    assertThat(run.out).contains("Usage: pio-data validate").contains("--input").contains("--max-errors")
        .contains("default: 100").contains("standard input");
    assertExitCodeTable(run.out);
  }

  @Test
  void helpSubcommandPrintsTheValidateUsage() {
    Run run = Run.of("help", "validate");

    assertThat(run.code).isEqualTo(0);
    assertThat(run.out).contains("Usage: pio-data validate").contains("--input");
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    for (String help : List.of("--help", "-h", "help")) {
      Run run = Run.of(help);

      assertThat(run.code).as(help).isEqualTo(0);
      assertThat(run.err).as(help).isEmpty();
      assertThat(run.out).as(help).contains("Usage: pio-data").contains("validate");
      assertExitCodeTable(run.out);
    }
  }

  @Test
  void versionPrintsTheToolkitVersion() {
    Run run = Run.of("--version");

    assertThat(run.code).isEqualTo(0);
    assertThat(run.out).startsWith("pio-data ");
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = Run.of();

    assertThat(run.code).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("pio-data: a command is required").contains("Try 'pio-data --help'");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Run run = Run.of("frobnicate");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("frobnicate").contains("Try 'pio-data --help'");
  }

  @Test
  void exitCodesAreDistinct() {
    assertThat(ExitCode.values()).extracting(ExitCode::code).doesNotHaveDuplicates();
    assertThat(ExitCode.SUCCESS.code()).isZero();
    assertThat(ExitCode.INVALID_DATA.code()).isEqualTo(1);
    assertThat(ExitCode.USAGE.code()).isEqualTo(2);
  }

  private static void assertExitCodeTable(String usage) {
    String flat = usage.replaceAll("\\s+", " ");
    assertThat(flat).contains("Exit codes:");
    for (ExitCode exit : ExitCode.values()) {
      assertThat(flat).contains(" " + exit.code() + " " + exit.meaning());
    }
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static Run withStdin(byte[] content, java.util.function.Supplier<Run> body) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(content));
    try {
      return body.get();
    } finally {
      System.setIn(saved);
    }
  }

  /** One run of the CLI with captured output. */
  private static final class Run {
    final int code;
    final String out;
    final String err;

    private Run(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }

    static Run of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code;
      try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
        code = PioDataCli.run(args, o, e);
      }
      return new Run(code, plain(out.toString()), plain(err.toString()));
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    private static String plain(String text) {
      return text.replaceAll("\u001B\\[[;\\d]*m", "");
    }
  }
}
