package io.piobuildpack.core.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, {@code \r\n}), decoding each strictly as UTF-8, so that one
 * line with invalid bytes is reported on its own and does not stop the rest. A UTF-8 byte-order mark at the
 * very start is dropped. Memory holds one line at a time.
 */
final class LineSplitter {

  /** One line of the input: its text, or why it could not be decoded. */
  record RawLine(long number, String text, String decodeError) {}

  private static final int INITIAL_LINE_CAPACITY = 8 * 1024;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[INITIAL_LINE_CAPACITY];
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkLength;
  private int chunkPosition;
  private long lineNumber;
  private boolean finished;

  LineSplitter(InputStream in) {
    this.in = in;
  }

  /** The next line, or {@code null} at the end of the input. */
  RawLine next() throws IOException {
    if (finished) {
      return null;
    }
    int length = 0;
    while (true) {
      if (chunkPosition == chunkLength) {
        chunkLength = in.read(chunk);
        chunkPosition = 0;
        if (chunkLength <= 0) {
          finished = true;
          chunkLength = 0;
          if (length == 0) {
            return null;
          }
          return decode(length);
        }
      }
      int start = chunkPosition;
      int end = start;
      while (end < chunkLength && chunk[end] != '\n') {
        end++;
      }
      length = append(length, start, end);
      chunkPosition = end;
      if (end < chunkLength) {
        chunkPosition++;
        return decode(length);
      }
    }
  }

  private int append(int length, int from, int to) {
    int count = to - from;
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(chunk, from, line, length, count);
    return length + count;
  }

  private RawLine decode(int length) {
    lineNumber++;
    int start = 0;
    if (lineNumber == 1 && length >= 3 && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2]) {
      start = 3;
    }
    int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
    try {
      CharBuffer text = decoder.reset().decode(ByteBuffer.wrap(line, start, end - start));
      return new RawLine(lineNumber, text.toString(), null);
    } catch (CharacterCodingException e) {
      return new RawLine(lineNumber, null, "invalid UTF-8 at byte " + (firstInvalidByte(start, end) + 1));
    } finally {
      if (line.length > 4 * INITIAL_LINE_CAPACITY * 1024) {
        line = new byte[INITIAL_LINE_CAPACITY];
      }
    }
  }

  private int firstInvalidByte(int start, int end) {
    ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
    CharBuffer sink = CharBuffer.allocate(Math.max(16, end - start));
    decoder.reset().decode(bytes, sink, true);
    return bytes.position() - start;
  }
}
