package io.piobuildpack.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a golden file under {@code src/test/resources/io/piobuildpack/templates/golden/}.
 * With {@code -Dgolden.update=true} the golden file is (re)written instead, to be reviewed in the diff.
 */
final class Golden {

  private static final Path SOURCE_DIR = Path.of("src/test/resources/io/piobuildpack/templates/golden");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(SOURCE_DIR);
      Files.writeString(SOURCE_DIR.resolve(name), actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = Golden.class.getResourceAsStream("golden/" + name)) {
      assertThat(in).as("golden file golden/%s (run with -Dgolden.update=true to create it)", name).isNotNull();
      assertThat(actual).as("rendered %s", name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
