package io.piobuildpack.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.testsupport.app.AppFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSourceTest {

  @TempDir Path temp;

  @Test
  void aGitRepositoryDeploysItsCommittedHeadWithItsShaAsSourceVersion() throws Exception {
    AppFixture app = AppFixture.in(temp.resolve("app")).write("engine.json", "{}\n")
        .script("data/create-sync-events", "exit 0\n").initGit();
    String sha = app.commit("first");
    app.write("engine.json", "{\"edited\": true}\n").write("untracked.txt", "not committed\n");

    SourceCheckout checkout = new AppSource(app.dir()).checkOut(temp.resolve("build"));

    assertThat(checkout.sourceVersion()).contains(sha);
    assertThat(checkout.directory().resolve("engine.json")).hasContent("{}");
    assertThat(checkout.directory().resolve("untracked.txt")).doesNotExist();
    assertThat(checkout.directory().resolve(".git")).doesNotExist();
    assertThat(checkout.directory().resolve("data/create-sync-events")).isExecutable();
  }

  @Test
  void aPlainDirectoryIsCopiedWithoutItsLocalStoreAndHasNoSourceVersion() throws Exception {
    Path app = Files.createDirectories(temp.resolve("plain"));
    Files.writeString(app.resolve("engine.json"), "{}\n");
    Files.createDirectories(app.resolve(".pio_store"));
    Files.writeString(app.resolve(".pio_store/pio.db"), "sqlite");

    SourceCheckout checkout = new AppSource(app).checkOut(temp.resolve("build"));

    assertThat(checkout.sourceVersion()).isEmpty();
    assertThat(checkout.directory().resolve("engine.json")).hasContent("{}");
    assertThat(checkout.directory().resolve(".pio_store")).doesNotExist();
  }
}
