package io.piobuildpack.core.batch;

import static io.piobuildpack.core.batch.EventLines.concat;
import static io.piobuildpack.core.batch.EventLines.gzip;
import static io.piobuildpack.core.batch.EventLines.text;
import static io.piobuildpack.core.batch.EventLines.utf8;
import static io.piobuildpack.core.batch.EventLines.valid;
import static io.piobuildpack.core.batch.EventLines.validExcept;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.piobuildpack.core.event.json.EventJsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchEventReaderTest {

  private static final EventJsonReader JSON = EventJsonReader.standard();

  @TempDir
  Path dir;

  @Test
  void nextWhenFileHasOneLineReturnsItsEventThenNull() throws IOException {
    Path file = write("events.json", utf8(valid(1) + "\n"));

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofPath(file), JSON)) {
      BatchLine line = reader.next();
      assertThat(line.lineNumber()).isEqualTo(1);
      assertThat(line.isValid()).isTrue();
      assertThat(line.problem()).isNull();
      assertThat(line.event().event()).isEqualTo("rate");
      assertThat(line.event().entityId()).isEqualTo("u1");
      assertThat(line.event().properties().get("rating")).isEqualTo(2L);
      assertThat(reader.next()).isNull();
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void aLineRepeatingAnEarlierLinesEventIdIsBadAndNamesTheFirstLine() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 5_000; i++) {
      text.append("{\"eventId\":\"id").append(i).append("\",\"event\":\"view\",\"entityType\":\"user\","
          + "\"entityId\":\"u\"}\n");
    }
    text.append("{\"eventId\":\"id4321\",\"event\":\"buy\",\"entityType\":\"user\",\"entityId\":\"u\"}\n");
    Path file = write("events.json", utf8(text.toString()));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(5_001);
    assertThat(lines.subList(0, 5_000)).allMatch(BatchLine::isValid);
    assertThat(lines.get(5_000).problem()).isEqualTo(new LineProblem(5_001, "eventId", "'id4321' is also the"
        + " eventId of line 4321; an event id names one event of an app (use --new-event-ids to give every event a"
        + " new id)"));
  }

  @Test
  void nextWhenFileHasManyLinesReturnsEveryEventInOrder() throws IOException {
    int count = 10_000;
    Path file = write("events.json", utf8(text(validExcept(count))));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(count).allMatch(BatchLine::isValid);
    for (int i = 0; i < count; i++) {
      assertThat(lines.get(i).lineNumber()).isEqualTo(i + 1L);
      assertThat(lines.get(i).event().entityId()).isEqualTo("u" + (i + 1));
    }
  }

  @ParameterizedTest(name = "bad line {0} of 30")
  @ValueSource(ints = {1, 17, 30})
  void nextWhenOneLineLacksEntityIdReportsThatLineWithFieldAndReason(int badLine) throws IOException {
    Path file = write("events.json", utf8(text(validExcept(30, badLine))));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(30);
    assertThat(lines).filteredOn(BatchLine::isValid).hasSize(29);
    BatchLine bad = lines.get(badLine - 1);
    assertThat(bad.isValid()).isFalse();
    assertThat(bad.event()).isNull();
    assertThat(bad.lineNumber()).isEqualTo(badLine);
    assertThat(bad.problem()).isEqualTo(new LineProblem(badLine, "entityId", "field is required"));
    assertThat(bad.problem().describe("events.json"))
        .isEqualTo("events.json:" + badLine + ": entityId: field is required");
  }

  @Test
  void labelIsThePathAsGiven() throws IOException {
    Path file = write("events.json", utf8(valid(1)));

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofPath(file), JSON)) {
      assertThat(reader.label()).isEqualTo(file.toString());
    }
  }

  @Test
  void nextWhenLinesEndWithCrLfReadsEveryEventWithoutTheCarriageReturn() throws IOException {
    String content = valid(1) + "\r\n" + valid(2) + "\r\n\r\n" + EventLines.missingEntityId(4) + "\r\n";
    Path file = write("events.json", utf8(content));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).extracting(BatchLine::lineNumber).containsExactly(1L, 2L, 4L);
    assertThat(lines.get(0).event().entityId()).isEqualTo("u1");
    assertThat(lines.get(1).event().entityId()).isEqualTo("u2");
    assertThat(lines.get(2).problem()).isEqualTo(new LineProblem(4, "entityId", "field is required"));
  }

  @Test
  void nextWhenCrLfValueEndsWithCarriageReturnKeepsStringContentIntact() throws IOException {
    String content = "{\"event\":\"e\",\"entityType\":\"user\",\"entityId\":\"a\\r\"}\r\n";
    Path file = write("events.json", utf8(content));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).singleElement().satisfies(line -> assertThat(line.event().entityId()).isEqualTo("a\r"));
  }

  @Test
  void nextWhenFileStartsWithUtf8BomDropsIt() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path file = write("events.json", concat(bom, utf8(valid(1) + "\n" + valid(2) + "\n")));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(2).allMatch(BatchLine::isValid);
    assertThat(lines.get(0).event().entityId()).isEqualTo("u1");
  }

  @Test
  void nextWhenFileIsBomOnlyReturnsNothing() throws IOException {
    Path file = write("events.json", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});

    assertThat(readAll(file)).isEmpty();
  }

  @Test
  void nextWhenLineHasInvalidUtf8ReportsThatLineAndContinues() throws IOException {
    byte[] content = concat(
        utf8(valid(1) + "\n"),
        utf8("{\"event\":\"r"), new byte[] {(byte) 0xFF}, utf8("ate\",\"entityType\":\"user\",\"entityId\":\"u2\"}\n"),
        utf8(valid(3) + "\n"));
    Path file = write("events.json", content);

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).isValid()).isTrue();
    assertThat(lines.get(1).isValid()).isFalse();
    assertThat(lines.get(1).problem()).isEqualTo(new LineProblem(2, null, "invalid UTF-8 at byte 12"));
    assertThat(lines.get(1).problem().describe("events.json")).isEqualTo("events.json:2: invalid UTF-8 at byte 12");
    assertThat(lines.get(2).isValid()).isTrue();
    assertThat(lines.get(2).event().entityId()).isEqualTo("u3");
  }

  @Test
  void nextWhenLineHasTruncatedMultiByteSequenceReportsIt() throws IOException {
    // 0xC3 starts a two-byte sequence, but the line ends right after it
    byte[] content = concat(utf8("abc"), new byte[] {(byte) 0xC3}, utf8("\n" + valid(2)));
    Path file = write("events.json", content);

    List<BatchLine> lines = readAll(file);

    assertThat(lines.get(0).problem()).isEqualTo(new LineProblem(1, null, "invalid UTF-8 at byte 4"));
    assertThat(lines.get(1).isValid()).isTrue();
  }

  @Test
  void nextWhenLineHasSurrogateEncodedAsUtf8ReportsIt() throws IOException {
    // CESU-8 style encoded surrogate U+D800 is not valid UTF-8
    byte[] content = concat(utf8("{\"event\":\""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}"));
    Path file = write("events.json", content);

    assertThat(readAll(file)).singleElement()
        .satisfies(line -> assertThat(line.problem()).isEqualTo(new LineProblem(1, null, "invalid UTF-8 at byte 11")));
  }

  @Test
  void nextWhenLineHasNonAsciiTextDecodesIt() throws IOException {
    String content = "{\"event\":\"noté\",\"entityType\":\"user\",\"entityId\":\"日本語 😀\"}\n";
    Path file = write("events.json", utf8(content));

    assertThat(readAll(file)).singleElement().satisfies(line -> {
      assertThat(line.event().event()).isEqualTo("noté");
      assertThat(line.event().entityId()).isEqualTo("日本語 😀");
    });
  }

  @Test
  void nextWhenLineHoldsTenMegabyteStringReadsItWhole() throws IOException {
    int size = 10 * 1024 * 1024;
    char[] blob = new char[size];
    Arrays.fill(blob, 'x');
    blob[0] = 'a';
    blob[size - 1] = 'z';
    String big = new String(blob);
    String line = "{\"event\":\"big\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{\"blob\":\"" + big + "\"}}";
    Path file = write("events.json", utf8(line + "\n" + valid(2) + "\n"));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(2).allMatch(BatchLine::isValid);
    Object value = lines.get(0).event().properties().get("blob");
    assertThat(value).isInstanceOf(String.class);
    assertThat(((String) value).length()).isEqualTo(size);
    assertThat((String) value).startsWith("ax").endsWith("xz");
    assertThat(lines.get(1).event().entityId()).isEqualTo("u2");
  }

  @Test
  void nextWhenLastLineHasNoTrailingNewlineStillReadsIt() throws IOException {
    Path file = write("events.json", utf8(valid(1) + "\n" + valid(2)));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).extracting(BatchLine::lineNumber).containsExactly(1L, 2L);
    assertThat(lines.get(1).event().entityId()).isEqualTo("u2");
  }

  @Test
  void nextWhenLastLineHasNoTrailingNewlineAndIsBadReportsIt() throws IOException {
    Path file = write("events.json", utf8(valid(1) + "\n" + EventLines.missingEntityId(2)));

    List<BatchLine> lines = readAll(file);

    assertThat(lines.get(1).problem()).isEqualTo(new LineProblem(2, "entityId", "field is required"));
  }

  @Test
  void nextSkipsBlankAndWhitespaceOnlyLinesButCountsThemInLineNumbers() throws IOException {
    String content = "\n" + valid(2) + "\n   \n\t\n" + EventLines.missingEntityId(5) + "\n \t \r\n\n" + valid(8) + "\n\n";
    Path file = write("events.json", utf8(content));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).extracting(BatchLine::lineNumber).containsExactly(2L, 5L, 8L);
    assertThat(lines.get(1).problem().lineNumber()).isEqualTo(5);
    assertThat(lines.get(2).event().entityId()).isEqualTo("u8");
  }

  @Test
  void nextWhenFileIsEmptyOrOnlyBlankLinesReturnsNull() throws IOException {
    assertThat(readAll(write("empty.json", new byte[0]))).isEmpty();
    assertThat(readAll(write("blank.json", utf8("\n  \n\r\n\t")))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[1,2]|an array",
      "\"just a string\"|a string",
      "42|a number",
      "true|a boolean",
      "null|null"
  })
  void nextWhenLineIsJsonButNotAnObjectReportsItAsBadLine(String line, String kind) throws IOException {
    Path file = write("events.json", utf8(valid(1) + "\n" + line + "\n" + valid(3) + "\n"));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).problem())
        .isEqualTo(new LineProblem(2, null, "expected a JSON object but got " + kind));
    assertThat(lines.get(2).isValid()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"not json at all", "{\"event\":\"rate\",", "{\"event\":\"rate\"} trailing", "{'event':'x'}"})
  void nextWhenLineIsNotJsonReportsItAsBadLine(String line) throws IOException {
    Path file = write("events.json", utf8(valid(1) + "\n" + line + "\n" + valid(3) + "\n"));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(3);
    BatchLine bad = lines.get(1);
    assertThat(bad.lineNumber()).isEqualTo(2);
    assertThat(bad.problem().field()).isNull();
    assertThat(bad.problem().reason()).startsWith("not valid JSON: ");
    assertThat(bad.problem().reason()).doesNotContain("\n");
    assertThat(lines.get(2).isValid()).isTrue();
  }

  @Test
  void nextWhenEventBreaksAValidationRuleReportsTheField() throws IOException {
    String line = "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\","
        + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\"}";
    Path file = write("events.json", utf8(line + "\n"));

    assertThat(readAll(file)).singleElement().satisfies(bad -> {
      assertThat(bad.problem().field()).isEqualTo("event");
      assertThat(bad.problem().reason()).isEqualTo("Reserved event $set cannot have targetEntity");
    });
  }

  @Test
  void nextWhenFileIsGzipWithGzNameDecompressesIt() throws IOException {
    Path file = write("events.json.gz", gzip(utf8(text(validExcept(500, 250)))));

    List<BatchLine> lines = readAll(file);

    assertThat(lines).hasSize(500);
    assertThat(lines).filteredOn(line -> !line.isValid()).singleElement()
        .satisfies(bad -> assertThat(bad.problem()).isEqualTo(new LineProblem(250, "entityId", "field is required")));
  }

  @Test
  void nextWhenFileIsGzipWithoutGzNameStillDecompressesIt() throws IOException {
    Path file = write("events.json", gzip(utf8(text(validExcept(20)))));

    assertThat(readAll(file)).hasSize(20).allMatch(BatchLine::isValid);
  }

  @Test
  void nextWhenGzNamedFileHoldsPlainTextReadsItAsText() throws IOException {
    Path file = write("events.json.gz", utf8(text(validExcept(20))));

    assertThat(readAll(file)).hasSize(20).allMatch(BatchLine::isValid);
  }

  @Test
  void nextWhenGzipHasSeveralMembersReadsThemAll() throws IOException {
    byte[] content = concat(gzip(utf8(valid(1) + "\n")), gzip(utf8(valid(2) + "\n")));
    Path file = write("events.json.gz", content);

    assertThat(readAll(file)).extracting(line -> line.event().entityId()).containsExactly("u1", "u2");
  }

  @Test
  void nextWhenGzipContentHasBomAndCrLfHandlesBoth() throws IOException {
    byte[] content = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid(1) + "\r\n" + valid(2)));
    Path file = write("events.json.gz", gzip(content));

    assertThat(readAll(file)).hasSize(2).allMatch(BatchLine::isValid);
  }

  @Test
  void nextWhenGzipIsTruncatedThrowsEventFileException() throws IOException {
    byte[] whole = gzip(utf8(text(validExcept(2_000))));
    Path file = write("events.json.gz", Arrays.copyOf(whole, whole.length / 2));

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofPath(file), JSON)) {
      assertThatThrownBy(() -> {
        while (reader.next() != null) {
          // read to the failure
        }
      })
          .isInstanceOf(EventFileException.class)
          .hasMessageStartingWith(file + ": cannot read: ")
          .satisfies(e -> assertThat(((EventFileException) e).file()).isEqualTo(file.toString()));
    }
  }

  @Test
  void openWhenGzipHeaderIsTruncatedThrowsEventFileException() throws IOException {
    Path file = write("events.json.gz", Arrays.copyOf(gzip(utf8(valid(1))), 5));

    assertThatThrownBy(() -> BatchEventReader.open(EventFileSource.ofPath(file), JSON).close())
        .isInstanceOf(EventFileException.class)
        .hasMessage(file + ": cannot read: unexpected end of gzip data (truncated file?)");
  }

  @Test
  void nextWhenGzipTrailerIsMissingThrowsEventFileExceptionSayingSo() throws IOException {
    byte[] whole = gzip(utf8(text(validExcept(3))));
    Path file = write("events.json.gz", Arrays.copyOf(whole, whole.length - 4));

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofPath(file), JSON)) {
      assertThatThrownBy(() -> {
        while (reader.next() != null) {
          // read to the failure
        }
      })
          .isInstanceOf(EventFileException.class)
          .hasMessage(file + ": cannot read: unexpected end of gzip data (truncated file?)");
    }
  }

  @Test
  void openWhenGzipHeaderIsTruncatedLeavesNoFileOpen() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
    Path file = write("events.json.gz", Arrays.copyOf(gzip(utf8(valid(1))), 5));

    assertThatThrownBy(() -> BatchEventReader.open(EventFileSource.ofPath(file), JSON).close())
        .isInstanceOf(EventFileException.class);

    assertThat(openDescriptorsOf(fds, file)).isEmpty();
  }

  @Test
  void closeReleasesTheFile() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux)");
    Path file = write("events.json", utf8(valid(1)));

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofPath(file), JSON)) {
      assertThat(openDescriptorsOf(fds, file)).isNotEmpty();
      assertThat(reader.next().isValid()).isTrue();
    }

    assertThat(openDescriptorsOf(fds, file)).isEmpty();
  }

  @Test
  void nextWhenGzipDataIsCorruptThrowsEventFileException() throws IOException {
    byte[] content = gzip(utf8(text(validExcept(2_000))));
    for (int i = 20; i < content.length - 8; i += 7) {
      content[i] = (byte) ~content[i];
    }
    Path file = write("events.json.gz", content);

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofPath(file), JSON)) {
      assertThatThrownBy(() -> {
        while (reader.next() != null) {
          // read to the failure
        }
      }).isInstanceOf(EventFileException.class).hasMessageStartingWith(file + ": cannot read: ");
    }
  }

  @Test
  void ofStreamReadsStandardInputLabelledStdinAndLeavesItOpen() {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream stdin = new ByteArrayInputStream(utf8(valid(1) + "\n" + EventLines.missingEntityId(2) + "\n")) {
      @Override
      public void close() {
        closed.set(true);
      }
    };

    List<BatchLine> lines = new ArrayList<>();
    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofStream(stdin), JSON)) {
      assertThat(reader.label()).isEqualTo("<stdin>");
      for (BatchLine line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).problem().describe("<stdin>")).isEqualTo("<stdin>:2: entityId: field is required");
    assertThat(closed).isFalse();
  }

  @Test
  void ofStreamDecompressesGzipStandardInput() {
    InputStream stdin = new ByteArrayInputStream(gzip(utf8(text(validExcept(3)))));

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofStream(stdin), JSON)) {
      int count = 0;
      while (reader.next() != null) {
        count++;
      }
      assertThat(count).isEqualTo(3);
    }
  }

  @Test
  void ofDashMeansStandardInput() {
    EventFileSource source = EventFileSource.of("-");

    assertThat(source.label()).isEqualTo("<stdin>");
    assertThat(source.path()).isNull();
  }

  @Test
  void ofPathStringIsLabelledWithThePathAsGiven() {
    EventFileSource source = EventFileSource.of("data/initial-events.json");

    assertThat(source.label()).isEqualTo("data/initial-events.json");
    assertThat(source.path()).isEqualTo(Path.of("data/initial-events.json"));
  }

  @Test
  void openWhenFileIsMissingThrowsEventFileExceptionNamingIt() {
    Path missing = dir.resolve("missing.json");

    assertThatThrownBy(() -> BatchEventReader.open(EventFileSource.ofPath(missing), JSON))
        .isInstanceOf(EventFileException.class)
        .hasMessage(missing + ": no such file")
        .satisfies(e -> assertThat(((EventFileException) e).file()).isEqualTo(missing.toString()));
  }

  @Test
  void openWhenPathIsADirectoryThrowsEventFileExceptionNamingIt() {
    assertThatThrownBy(() -> BatchEventReader.open(EventFileSource.ofPath(dir), JSON))
        .isInstanceOf(EventFileException.class)
        .hasMessage(dir + ": is a directory, not an event file")
        .satisfies(e -> assertThat(((EventFileException) e).file()).isEqualTo(dir.toString()));
  }

  @Test
  void nextWhenStreamFailsThrowsEventFileException() {
    InputStream failing = new InputStream() {
      private int calls;

      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (calls++ == 0) {
          byte[] first = utf8(valid(1) + "\n");
          System.arraycopy(first, 0, b, off, first.length);
          return first.length;
        }
        throw new IOException("disk on fire");
      }
    };

    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofStream(failing), JSON)) {
      assertThat(reader.next().isValid()).isTrue();
      assertThatThrownBy(reader::next)
          .isInstanceOf(EventFileException.class)
          .hasMessage("<stdin>: cannot read: disk on fire");
    }
  }

  private static List<Path> openDescriptorsOf(Path fds, Path file) throws IOException {
    Path target = file.toRealPath();
    List<Path> open = new ArrayList<>();
    try (var entries = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) entries::iterator) {
        try {
          if (Files.readSymbolicLink(fd).equals(target)) {
            open.add(fd);
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return open;
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static List<BatchLine> readAll(Path file) {
    List<BatchLine> lines = new ArrayList<>();
    try (BatchEventReader reader = BatchEventReader.open(EventFileSource.ofPath(file), JSON)) {
      for (BatchLine line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
