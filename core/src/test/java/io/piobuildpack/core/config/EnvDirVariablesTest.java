package io.piobuildpack.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvDirVariablesTest {

  @TempDir
  Path dir;

  private void file(Path directory, String name, String content) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(name), content);
  }

  @Test
  void herokuEnvDirGivesEachAllowedFileAsAVariableWithTrailingNewlinesRemoved() throws IOException {
    file(dir, "DATABASE_URL", "postgres://u:p@db/x");
    file(dir, "PIO_OPTS", "--variant best.json\n");
    file(dir, "PIO_SPARK_OPTS", "--conf a=b\r\n\n");

    EnvDirVariables env = EnvDirVariables.herokuEnvDir(dir, VariableAllowList.TOOLKIT);

    assertThat(env.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("DATABASE_URL", "postgres://u:p@db/x",
        "PIO_OPTS", "--variant best.json", "PIO_SPARK_OPTS", "--conf a=b"));
  }

  @Test
  void herokuEnvDirKeepsInnerNewlinesAndLeadingSpace() throws IOException {
    file(dir, "PIO_CERT", " line1\nline2\n");

    assertThat(EnvDirVariables.herokuEnvDir(dir, VariableAllowList.TOOLKIT).get("PIO_CERT"))
        .isEqualTo(" line1\nline2");
  }

  @Test
  void cnbPlatformEnvKeepsTheContentByteForByteIncludingATrailingNewline() throws IOException {
    file(dir.resolve("env"), "PIO_OPTS", "--variant best.json\n");
    file(dir.resolve("env"), "PIO_PURGE_ON_SYNC", "true\n");

    EnvDirVariables env = EnvDirVariables.cnbPlatformEnv(dir, VariableAllowList.TOOLKIT);

    assertThat(env.get("PIO_OPTS")).isEqualTo("--variant best.json\n");
    assertThat(env.find("PIO_OPTS")).contains("--variant best.json");
    assertThat(env.flag("PIO_PURGE_ON_SYNC", false)).isTrue();
  }

  @Test
  void anEmptyFileSetsTheVariableToTheEmptyStringWhichReadsAsUnset() throws IOException {
    file(dir, "PIO_EVENTSERVER_APP_NAME", "");
    file(dir.resolve("env"), "PIO_EVENTSERVER_APP_NAME", "");

    for (Environment env : new Environment[] {EnvDirVariables.herokuEnvDir(dir, VariableAllowList.TOOLKIT),
        EnvDirVariables.cnbPlatformEnv(dir, VariableAllowList.TOOLKIT)}) {
      assertThat(env.get("PIO_EVENTSERVER_APP_NAME")).isEmpty();
      assertThat(env.find("PIO_EVENTSERVER_APP_NAME")).isEmpty();
      assertThatThrownBy(() -> env.require("PIO_EVENTSERVER_APP_NAME"))
          .hasMessage("PIO_EVENTSERVER_APP_NAME is not set");
    }
  }

  @Test
  void aVariableNotInTheAllowListIsIgnored() throws IOException {
    file(dir, "SECRET_TOKEN", "x");
    file(dir, "PIO_OPTS", "--verbose");

    EnvDirVariables env = EnvDirVariables.herokuEnvDir(dir, VariableAllowList.TOOLKIT);

    assertThat(env.get("SECRET_TOKEN")).isNull();
    assertThat(env.asMap()).containsOnlyKeys("PIO_OPTS");
  }

  @Test
  void pathLikeVariablesAreNeverTakenEvenWhenTheAllowListMatchesThem() throws IOException {
    for (String name : VariableAllowList.NEVER) {
      file(dir, name, "/evil");
    }
    file(dir, "HOME", "/app");

    EnvDirVariables env = EnvDirVariables.herokuEnvDir(dir, VariableAllowList.matching(Pattern.compile(".*")));

    assertThat(env.asMap()).containsOnlyKeys("HOME");
    assertThat(VariableAllowList.names(Set.of("PATH", "PORT")).test("PATH")).isFalse();
    assertThat(VariableAllowList.names(Set.of("PATH", "PORT")).test("PORT")).isTrue();
  }

  @Test
  void namesThatAreNotVariableNamesAndDirectoriesAreIgnored() throws IOException {
    file(dir, ".DS_Store", "x");
    file(dir, "PIO_OPTS.override", "x");
    Files.createDirectories(dir.resolve("PIO_DIR"));

    assertThat(EnvDirVariables.herokuEnvDir(dir, VariableAllowList.matching(Pattern.compile(".*"))).asMap())
        .isEmpty();
  }

  @Test
  void aMissingDirectoryHoldsNoVariables() {
    assertThat(EnvDirVariables.cnbPlatformEnv(dir.resolve("absent"), VariableAllowList.TOOLKIT).asMap()).isEmpty();
    assertThat(EnvDirVariables.herokuEnvDir(dir.resolve("absent"), VariableAllowList.TOOLKIT).asMap()).isEmpty();
  }

  @Test
  void aFileThatIsNotUtf8FailsNamingTheVariable() throws IOException {
    Files.write(dir.resolve("PIO_OPTS"), new byte[] {(byte) 0xff, (byte) 0xfe});

    assertThatThrownBy(() -> EnvDirVariables.herokuEnvDir(dir, VariableAllowList.TOOLKIT))
        .isInstanceOfSatisfying(InvalidVariableException.class,
            e -> assertThat(e.variable()).isEqualTo("PIO_OPTS"))
        .hasMessageContaining("is not UTF-8 text");
  }

  @Test
  void aPathThatIsAFileNotADirectoryFailsNamingIt() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("ENV_DIR"), "x");

    assertThatThrownBy(() -> EnvDirVariables.herokuEnvDir(notADirectory, VariableAllowList.TOOLKIT))
        .isInstanceOfSatisfying(UnreadableEnvironmentDirectoryException.class,
            e -> assertThat(e.directory()).isEqualTo(notADirectory))
        .hasMessageStartingWith("the variable directory " + notADirectory + " cannot be listed");
  }

  @Test
  void directoryVariablesWinOverTheProcessEnvironmentWhenLayeredFirst() throws IOException {
    file(dir, "PIO_OPTS", "--from-env-dir\n");
    Environment process = Environment.of(Map.of("PIO_OPTS", "--from-process", "PATH", "/usr/bin"));

    Environment env = Environment.layered(EnvDirVariables.herokuEnvDir(dir, VariableAllowList.TOOLKIT), process);

    assertThat(env.get("PIO_OPTS")).isEqualTo("--from-env-dir");
    assertThat(env.get("PATH")).isEqualTo("/usr/bin");
  }

  @Test
  void toStringNamesVariablesButNeverTheirValues() throws IOException {
    file(dir, "DATABASE_URL", "postgres://u:secret@db/x");

    assertThat(EnvDirVariables.herokuEnvDir(dir, VariableAllowList.TOOLKIT).toString())
        .contains("DATABASE_URL").doesNotContain("secret");
  }
}
