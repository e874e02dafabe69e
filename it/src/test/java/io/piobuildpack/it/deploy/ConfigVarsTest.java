package io.piobuildpack.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigVarsTest {

  @TempDir Path temp;

  @Test
  void aHerokuConfigShellFileGivesEveryVariableUnquoted() throws Exception {
    Path file = Files.writeString(temp.resolve(".env"), """
        # comment

        DATABASE_URL='postgres://u:p@h:5432/d?x=1'
        export PIO_OPTS="--variant engine.json"
        EMPTY=
        """);

    assertThat(ConfigVars.read(file)).containsExactly(Map.entry("DATABASE_URL", "postgres://u:p@h:5432/d?x=1"),
        Map.entry("PIO_OPTS", "--variant engine.json"), Map.entry("EMPTY", ""));
  }

  @Test
  void aBadLineIsNamedByFileAndLineWithoutItsValue() throws Exception {
    Path file = Files.writeString(temp.resolve(".env"), "A=1\n2B=secret-value\n");

    assertThatThrownBy(() -> ConfigVars.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ":2: '2B' is not a variable name (letters, digits, _)")
        .message().doesNotContain("secret-value");
  }

  @Test
  void aValueMayHoldEqualsSigns() {
    assertThat(ConfigVars.parse("PIO_OPTS=--conf a=b", "--config")).isEqualTo(Map.entry("PIO_OPTS", "--conf a=b"));
  }

  @Test
  void aPastedUrlWithoutANameIsRefusedWithoutShowingItsPassword() {
    assertThatThrownBy(() -> ConfigVars.parse("postgres://u:s3cret@h:5432/d?sslmode=require", "--config"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--config: the text before '=' is not a variable name (letters, digits, _)");
  }
}
