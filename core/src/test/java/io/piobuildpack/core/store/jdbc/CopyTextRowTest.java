package io.piobuildpack.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CopyTextRowTest {

  @Test
  void fieldsWhenTheyHoldControlCharactersAreEscapedAndNullIsBackslashN() throws IOException {
    StringWriter out = new StringWriter();

    new CopyTextRow(out).field("a\tb").field(null).field("back\\slash").field("line\nbreak\r").end();

    assertThat(out.toString()).isEqualTo("a\\tb\t\\N\tback\\\\slash\tline\\nbreak\\r\n");
  }
}
