package io.piobuildpack.core.batch;

import static io.piobuildpack.core.batch.EventLines.concat;
import static io.piobuildpack.core.batch.EventLines.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void nextSplitsOnLfAndCrLfAndNumbersEveryLineIncludingBlankOnes() throws IOException {
    List<LineSplitter.RawLine> lines = split(utf8("a\r\n\nb\n  \r\nc"));

    assertThat(lines).extracting(LineSplitter.RawLine::text).containsExactly("a", "", "b", "  ", "c");
    assertThat(lines).extracting(LineSplitter.RawLine::number).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void nextWhenInputEndsWithNewlineAddsNoEmptyLastLine() throws IOException {
    assertThat(split(utf8("a\nb\n"))).extracting(LineSplitter.RawLine::text).containsExactly("a", "b");
    assertThat(split(utf8("a\r\n"))).extracting(LineSplitter.RawLine::text).containsExactly("a");
    assertThat(split(new byte[0])).isEmpty();
  }

  @Test
  void nextDropsOnlyOneTrailingCarriageReturn() throws IOException {
    assertThat(split(utf8("a\r\r\nb\r"))).extracting(LineSplitter.RawLine::text).containsExactly("a\r", "b");
  }

  @Test
  void nextDropsBomOnlyAtTheStartOfTheInput() throws IOException {
    List<LineSplitter.RawLine> lines = split(concat(BOM, utf8("a\n"), BOM, utf8("b\n")));

    assertThat(lines).extracting(LineSplitter.RawLine::text).containsExactly("a", "\uFEFFb");
  }

  @Test
  void nextWhenBomIsFollowedByNewlineGivesEmptyFirstLine() throws IOException {
    assertThat(split(concat(BOM, utf8("\r\nx")))).extracting(LineSplitter.RawLine::text).containsExactly("", "x");
  }

  @Test
  void nextWhenInputArrivesOneByteAtATimeGivesTheSameLines() throws IOException {
    byte[] content = concat(BOM, utf8("{\"e\":\"é日😀\"}\r\n\r\nsecond ü\r\nthird"));

    List<LineSplitter.RawLine> whole = split(content);
    List<LineSplitter.RawLine> trickled = split(new Trickle(content, 1));

    assertThat(trickled).isEqualTo(whole);
    assertThat(trickled).extracting(LineSplitter.RawLine::text)
        .containsExactly("{\"e\":\"é日😀\"}", "", "second ü", "third");
  }

  @Test
  void nextWhenMultiByteCharacterStraddlesReadChunksDecodesIt() throws IOException {
    // the 64 KiB read chunk ends in the middle of "é" and of the CR LF pair
    byte[] prefix = new byte[64 * 1024 - 1];
    Arrays.fill(prefix, (byte) 'x');
    // the first line takes 64 KiB + 3 bytes; the second line's CR is the last byte of the second chunk
    byte[] second = new byte[64 * 1024 - 4];
    Arrays.fill(second, (byte) 'w');
    byte[] content = concat(prefix, utf8("é\r\n"), second, utf8("\r\nend"));

    List<LineSplitter.RawLine> lines = split(content);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).text()).hasSize(prefix.length + 1).endsWith("xé");
    assertThat(lines.get(1).text()).hasSize(second.length).doesNotContain("\r");
    assertThat(lines.get(2).text()).isEqualTo("end");
  }

  @Test
  void nextWhenLineHasInvalidBytesReportsTheFirstOneWithItsOneBasedPosition() throws IOException {
    byte[] content = concat(utf8("ok\n"), utf8("ab"), new byte[] {(byte) 0x80, (byte) 0xFE}, utf8("c\nnext\n"));

    List<LineSplitter.RawLine> lines = split(content);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).text()).isNull();
    assertThat(lines.get(1).decodeError()).isEqualTo("invalid UTF-8 at byte 3");
    assertThat(lines.get(1).number()).isEqualTo(2);
    assertThat(lines.get(2).text()).isEqualTo("next");
    assertThat(lines.get(2).decodeError()).isNull();
  }

  @Test
  void nextWhenLineIsLongerThanTheBufferKeepsItWhole() throws IOException {
    byte[] longLine = new byte[3 * 64 * 1024 + 17];
    Arrays.fill(longLine, (byte) 'y');
    byte[] content = concat(longLine, utf8("\nshort\n"), longLine);

    List<LineSplitter.RawLine> lines = split(new Trickle(content, 5000));

    assertThat(lines).extracting(line -> line.text().length()).containsExactly(longLine.length, 5, longLine.length);
  }

  private static List<LineSplitter.RawLine> split(byte[] content) throws IOException {
    return split(new ByteArrayInputStream(content));
  }

  private static List<LineSplitter.RawLine> split(InputStream in) throws IOException {
    LineSplitter splitter = new LineSplitter(in);
    List<LineSplitter.RawLine> lines = new ArrayList<>();
    for (LineSplitter.RawLine line = splitter.next(); line != null; line = splitter.next()) {
      lines.add(line);
    }
    assertThat(splitter.next()).isNull();
    return lines;
  }

  /** Gives at most {@code step} bytes per read, to exercise every chunk boundary. */
  private static final class Trickle extends InputStream {
    private final byte[] content;
    private final int step;
    private int position;

    Trickle(byte[] content, int step) {
      this.content = content;
      this.step = step;
    }

    @Override
    public int read() {
      return position < content.length ? content[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position == content.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, step), content.length - position);
      System.arraycopy(content, position, b, off, n);
      position += n;
      return n;
    }
  }
}
