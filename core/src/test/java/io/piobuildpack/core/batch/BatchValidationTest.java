package io.piobuildpack.core.batch;

import static io.piobuildpack.core.batch.EventLines.text;
import static io.piobuildpack.core.batch.EventLines.utf8;
import static io.piobuildpack.core.batch.EventLines.validExcept;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.event.json.EventJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchValidationTest {

  private static final EventJsonReader JSON = EventJsonReader.standard();

  @TempDir
  Path dir;

  @Test
  void validateWhenEveryLineIsValidCountsEventsAndHasNoProblems() throws IOException {
    Path file = Files.write(dir.resolve("events.json"), utf8(text(validExcept(250))));

    BatchValidation.Result result = validate(EventFileSource.ofPath(file), LineProblems.DEFAULT_CAP);

    assertThat(result.isValid()).isTrue();
    assertThat(result.validEvents()).isEqualTo(250);
    assertThat(result.problems().isEmpty()).isTrue();
    assertThat(result.fileLabel()).isEqualTo(file.toString());
  }

  @Test
  void validateWhenSomeLinesAreBadCountsBothAndReportsTheBadOnesInOrder() throws IOException {
    Path file = Files.write(dir.resolve("events.json"), utf8(text(validExcept(40, 1, 17, 40))));

    BatchValidation.Result result = validate(EventFileSource.ofPath(file), LineProblems.DEFAULT_CAP);

    assertThat(result.isValid()).isFalse();
    assertThat(result.validEvents()).isEqualTo(37);
    assertThat(result.problems().count()).isEqualTo(3);
    assertThat(result.problems().describe("events.json")).containsExactly(
        "events.json:1: entityId: field is required",
        "events.json:17: entityId: field is required",
        "events.json:40: entityId: field is required");
  }

  @Test
  void validateWhenMoreBadLinesThanTheCapKeepsTheFirstAndCountsTheRest() throws IOException {
    Path file = Files.write(dir.resolve("events.json"), utf8(text(validExcept(100, 3, 5, 8, 13, 21, 34, 55, 89))));

    BatchValidation.Result result = validate(EventFileSource.ofPath(file), 5);

    assertThat(result.validEvents()).isEqualTo(92);
    assertThat(result.problems().count()).isEqualTo(8);
    assertThat(result.problems().kept()).extracting(LineProblem::lineNumber).containsExactly(3L, 5L, 8L, 13L, 21L);
    assertThat(result.problems().describe("f")).last().isEqualTo("f: ... and 3 more bad lines");
  }

  @Test
  void validateReadsAMillionLinesAsAStreamAndCountsThemAll() {
    // odd lines hold events, even lines are blank, every 100,000th line is bad: half a million events to parse
    long count = 1_000_000;
    GeneratedLines input = new GeneratedLines(count,
        n -> n % 100_000 == 0 ? "[" + n + "]" : n % 2 == 0 ? " " : shortEvent(n));

    BatchValidation.Result result = validate(EventFileSource.ofStream(input), 10);

    assertThat(input.linesProduced()).isEqualTo(count);
    assertThat(result.validEvents()).isEqualTo(count / 2);
    assertThat(result.problems().count()).isEqualTo(10);
    assertThat(result.problems().kept()).extracting(LineProblem::lineNumber).containsExactly(
        100_000L, 200_000L, 300_000L, 400_000L, 500_000L, 600_000L, 700_000L, 800_000L, 900_000L, 1_000_000L);
    assertThat(result.problems().kept()).allSatisfy(
        problem -> assertThat(problem.reason()).isEqualTo("expected a JSON object but got an array"));
  }

  @Test
  void nextReturnsTheFirstLineBeforeReadingMoreThanABufferOfInput() {
    GeneratedLines input = new GeneratedLines(1_000_000, BatchValidationTest::shortEvent);

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofStream(input), JSON)) {
      BatchLine first = reader.next();
      assertThat(first.isValid()).isTrue();
      assertThat(first.event().entityId()).isEqualTo("u1");
      // the input is tens of megabytes; only the read buffers' worth may have been pulled so far
      assertThat(input.bytesProduced()).isLessThan(512 * 1024);
      for (int i = 2; i <= 1000; i++) {
        assertThat(reader.next().lineNumber()).isEqualTo(i);
      }
      assertThat(input.bytesProduced()).isLessThan(1024 * 1024);
    }
  }

  private static String shortEvent(long n) {
    return "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u" + n + "\"}";
  }

  private static BatchValidation.Result validate(EventFileSource source, int cap) {
    try (BatchEventReader reader = BatchEventReader.open(source, JSON)) {
      return BatchValidation.validate(reader, cap);
    }
  }

  /** An input stream that makes its lines on demand, so that a large input is never held anywhere. */
  private static final class GeneratedLines extends InputStream {
    private final long lines;
    private final LongFunction<String> line;
    private long produced;
    private long bytes;
    private byte[] current = new byte[0];
    private int position;

    GeneratedLines(long lines, LongFunction<String> line) {
      this.lines = lines;
      this.line = line;
    }

    long linesProduced() {
      return produced;
    }

    long bytesProduced() {
      return bytes;
    }

    private boolean fill() {
      if (position < current.length) {
        return true;
      }
      if (produced == lines) {
        return false;
      }
      produced++;
      current = utf8(line.apply(produced) + "\n");
      position = 0;
      return true;
    }

    @Override
    public int read() {
      if (!fill()) {
        return -1;
      }
      bytes++;
      return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      int n = 0;
      while (n < len && fill()) {
        int step = Math.min(len - n, current.length - position);
        System.arraycopy(current, position, b, off + n, step);
        position += step;
        n += step;
      }
      bytes += n;
      return n == 0 ? -1 : n;
    }
  }
}
