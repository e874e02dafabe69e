package io.piobuildpack.it.source;

import io.piobuildpack.it.files.Trees;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * An app directory as the source of a deployment. When it is a git repository (it holds {@code .git}) what deploys
 * is its committed {@code HEAD}, as {@code git push heroku main} deploys the pushed commit: uncommitted edits and
 * untracked files are left out, executable bits and symbolic links kept. Otherwise the directory is copied as it
 * is, without {@code .git} and the local embedded store {@code .pio_store}.
 */
public final class AppSource {

  private final Path appDir;

  /** @param appDir the app's directory (a git work tree or a plain directory) */
  public AppSource(Path appDir) {
    this.appDir = appDir.toAbsolutePath().normalize();
  }

  /** The app's directory. */
  public Path appDir() {
    return appDir;
  }

  /** Whether the app is a git repository (deploys its {@code HEAD}). */
  public boolean isGitRepository() {
    return Files.exists(appDir.resolve(".git"));
  }

  /**
   * The commit a deployment takes: {@code HEAD}'s SHA-1 (40 hex digits) when the app is a git repository, empty for a
   * plain directory. Lets a caller refuse an app before deploying it.
   *
   * @throws IllegalStateException when the repository has no commit
   * @throws UncheckedIOException when the repository cannot be read
   */
  public Optional<String> commit() {
    if (!isGitRepository()) {
      return Optional.empty();
    }
    try (Repository repository = open()) {
      return Optional.of(head(repository).getName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the git repository " + appDir, e);
    }
  }

  /**
   * Puts the app's files into {@code target}, which must not exist or be empty.
   *
   * @throws UncheckedIOException when the files cannot be read or written
   * @throws IllegalStateException when the repository has no commit
   */
  public SourceCheckout checkOut(Path target) {
    try {
      Files.createDirectories(target);
      if (isGitRepository()) {
        return new SourceCheckout(target, Optional.of(exportHead(target)));
      }
      Trees.copy(appDir, target, Set.of(".git", ".pio_store"));
      return new SourceCheckout(target, Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check out " + appDir + " into " + target, e);
    }
  }

  private String exportHead(Path target) throws IOException {
    try (Repository repository = open(); RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(head(repository));
      try (TreeWalk tree = new TreeWalk(repository)) {
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          Path file = target.resolve(tree.getPathString());
          Files.createDirectories(file.getParent());
          FileMode mode = tree.getFileMode(0);
          if (mode == FileMode.SYMLINK) {
            String link = new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            Files.createSymbolicLink(file, Path.of(link));
            continue;
          }
          if (mode == FileMode.GITLINK) {
            Files.createDirectories(file); // a submodule: Heroku does not fetch it either
            continue;
          }
          try (OutputStream out = Files.newOutputStream(file)) {
            repository.open(tree.getObjectId(0)).copyTo(out);
          }
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
              mode == FileMode.EXECUTABLE_FILE ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
      return commit.getName();
    }
  }

  private Repository open() throws IOException {
    return new FileRepositoryBuilder().setWorkTree(appDir.toFile()).setMustExist(true).readEnvironment()
        .findGitDir(appDir.toFile()).build();
  }

  private ObjectId head(Repository repository) throws IOException {
    ObjectId head = repository.resolve(Constants.HEAD);
    if (head == null) {
      throw new IllegalStateException(appDir + " is a git repository with no commit: commit the app first");
    }
    return head;
  }
}
