package io.piobuildpack.it.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a file another process is still writing, as {@code tail -f} does: each call returns the complete lines
 * written since the last call (UTF-8, terminators removed), keeping a partial last line for the next call.
 */
final class LineFollower implements AutoCloseable {

  private final InputStream in;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

  LineFollower(Path file) throws IOException {
    this.in = Files.newInputStream(file);
  }

  /**
   * The complete lines written since the last call.
   *
   * @param all also the last line when it has no terminator (the writer has finished)
   */
  List<String> newLines(boolean all) throws IOException {
    List<String> lines = new ArrayList<>();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) > 0) {
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          lines.add(line());
        } else {
          partial.write(buffer[i]);
        }
      }
    }
    if (all && partial.size() > 0) {
      lines.add(line());
    }
    return lines;
  }

  private String line() {
    String line = partial.toString(StandardCharsets.UTF_8);
    partial.reset();
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
