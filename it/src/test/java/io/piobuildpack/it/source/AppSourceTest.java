package io.piobuildpack.it.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void theCommitToDeployIsHeadForARepositoryAndNoneForAPlainDirectory() throws Exception {
    AppFixture app = AppFixture.in(temp.resolve("app")).write("engine.json", "{}\n").initGit();
    String sha = app.commit("first");
    Path plain = Files.createDirectories(temp.resolve("plain"));

    assertThat(new AppSource(app.dir()).commit()).contains(sha);
    assertThat(new AppSource(plain).commit()).isEmpty();
  }

  @Test
  void aRepositoryWithNoCommitIsRefusedNamingItBeforeAndAtCheckout() throws Exception {
    AppFixture app = AppFixture.in(temp.resolve("fresh")).write("engine.json", "{}\n").initGit();
    AppSource source = new AppSource(app.dir());
    String message = app.dir().toAbsolutePath().normalize() + " is a git repository with no commit: commit the app "
        + "first";

    assertThatThrownBy(source::commit).isInstanceOf(IllegalStateException.class).hasMessage(message);
    assertThatThrownBy(() -> source.checkOut(temp.resolve("build"))).isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
  }
}
