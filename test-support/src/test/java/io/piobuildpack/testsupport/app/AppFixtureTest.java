package io.piobuildpack.testsupport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppFixtureTest {

  @TempDir
  Path source;

  @TempDir
  Path appDir;

  @TempDir
  Path builds;

  @Test
  void aCopyKeepsTheFilesLeavesOutGitAndStoreAndMakesHooksExecutable() throws Exception {
    Files.createDirectories(source.resolve("data/hooks"));
    Files.writeString(source.resolve("data/hooks/before-import"), "#!/bin/sh\necho hook\n");
    Files.writeString(source.resolve("engine.json"), "{}");
    Files.createDirectories(source.resolve(".git"));
    Files.writeString(source.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.createDirectories(source.resolve(".pio_store"));

    AppFixture app = AppFixture.copyOf(source, appDir);

    assertThat(app.file("engine.json")).hasContent("{}");
    assertThat(Files.isExecutable(app.file("data/hooks/before-import"))).isTrue();
    assertThat(app.exists(".git")).isFalse();
    assertThat(app.exists(".pio_store")).isFalse();
  }

  @Test
  void aPushExportsTheCommittedTreeWithItsShaAndExecutableBits() throws Exception {
    AppFixture app = AppFixture.in(appDir).initGit()
        .write("engine.json", "{\"id\":1}")
        .script("data/hooks/after-import", "echo done\n");
    String first = app.commit("first");
    app.write("engine.json", "{\"id\":2}").write("uncommitted.txt", "not pushed");
    app.delete("data/hooks/after-import");

    AppFixture.Push push = app.push(builds.resolve("build-1"));

    assertThat(push.sourceVersion()).matches("[0-9a-f]{40}").isEqualTo(first);
    assertThat(push.buildDir().resolve("engine.json")).hasContent("{\"id\":1}");
    assertThat(push.buildDir().resolve("uncommitted.txt")).doesNotExist();
    assertThat(push.buildDir().resolve(".git")).doesNotExist();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        push.buildDir().resolve("data/hooks/after-import")))).startsWith("rwx");

    String second = app.commit("second");
    AppFixture.Push next = app.push(builds.resolve("build-2"));

    assertThat(next.sourceVersion()).isEqualTo(second).isNotEqualTo(first);
    assertThat(next.buildDir().resolve("engine.json")).hasContent("{\"id\":2}");
    assertThat(next.buildDir().resolve("uncommitted.txt")).hasContent("not pushed");
    assertThat(next.buildDir().resolve("data/hooks/after-import")).doesNotExist();
  }
}
