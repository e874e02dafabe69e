package io.piobuildpack.core.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class EventFileExceptionTest {

  @Test
  void cannotReadUsesTheIoMessageWhenThereIsOne() {
    EventFileException e = EventFileException.cannotRead("a.json.gz", new ZipException("invalid block type"));

    assertThat(e).hasMessage("a.json.gz: cannot read: invalid block type").hasCauseInstanceOf(ZipException.class);
    assertThat(e.file()).isEqualTo("a.json.gz");
  }

  @Test
  void cannotReadWhenGzipEndsEarlyWithoutMessageSaysTheFileIsTruncated() {
    assertThat(EventFileException.cannotRead("a.json.gz", new EOFException()))
        .hasMessage("a.json.gz: cannot read: unexpected end of gzip data (truncated file?)");
  }

  @Test
  void cannotReadWhenAccessIsDeniedSaysSoInsteadOfRepeatingThePath() {
    assertThat(EventFileException.cannotRead("/data/a.json", new AccessDeniedException("/data/a.json")))
        .hasMessage("/data/a.json: cannot read: permission denied");
  }

  @Test
  void cannotReadWithoutAnyMessageNamesTheKindOfFailure() {
    assertThat(EventFileException.cannotRead("<stdin>", new IOException()))
        .hasMessage("<stdin>: cannot read: IOException");
  }
}
