package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The POSIX shims agree with the Java side: the JRE table with inventory.json, the exit codes with the enum. */
class ShimContractTest {

  static final Path SUPPORT = Path.of("src/main/buildpack/bin/support");

  @Test
  void jreTableOfTheBootstrapShimListsExactlyTheInventorysDefaultJres() throws Exception {
    Inventory inventory = Inventory.load();
    String version = inventory.defaultVersion("jre").orElseThrow();
    List<String> expected = new ArrayList<>();
    for (Artifact jre : inventory.artifacts()) {
      if (jre.name().equals("jre") && jre.version().equals(version)) {
        expected.add(String.join("\t", jre.os(), jre.arch(), jre.version(), jre.url().toString(),
            jre.pinned().orElseThrow().toString().replace("sha256:", "")));
      }
    }
    List<String> table = Files.readAllLines(SUPPORT.resolve("jre.tsv")).stream()
        .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();

    assertThat(expected).isNotEmpty();
    assertThat(table).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void exitCodesOfTheBootstrapShimAreTheEnumsValues() throws Exception {
    Matcher m = Pattern.compile("(?m)^exit_code_([a-z_]+)=(\\d+)$")
        .matcher(Files.readString(SUPPORT.resolve("toolkit-java")));
    int found = 0;
    while (m.find()) {
      HerokuExitCode code = HerokuExitCode.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      assertThat(Integer.parseInt(m.group(2))).as(m.group(1)).isEqualTo(code.code());
      found++;
    }
    assertThat(found).isEqualTo(4);
  }

  @Test
  void everyShimIsPosixShAndExecutable() throws Exception {
    for (String script : List.of("../detect", "../compile", "../release", "../test-compile", "../test",
        "toolkit-java", "run-phase", "cnb-detect")) {
      Path file = SUPPORT.resolve(script);
      assertThat(file).as(script).isExecutable();
      assertThat(Files.readAllLines(file).get(0)).as(script).isEqualTo("#!/bin/sh");
      Process check = new ProcessBuilder("dash", "-n", file.toString()).redirectErrorStream(true).start();
      assertThat(check.waitFor()).as(script + ": " + new String(check.getInputStream().readAllBytes())).isZero();
    }
  }
}
