package io.piobuildpack.testsupport.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * An engine app's source directory as a test builds it: files copied from a template directory or written by the
 * test, data hooks made executable, and optionally a git repository (JGit, no {@code git} binary needed) whose
 * commits a test can {@link #push()} — export the committed tree into a fresh build directory, as Heroku does before
 * a build, with the commit's SHA as {@code SOURCE_VERSION}
 * (https://devcenter.heroku.com/articles/buildpack-api#bin-compile-summary).
 */
public final class AppFixture {

  /** Paths made executable by {@link #makeHooksExecutable()}: the data hooks and bin scripts of an engine app. */
  private static final String[] EXECUTABLE_DIRS = {"bin", "data/hooks", "hooks"};

  private static final PersonIdent AUTHOR = new PersonIdent("pio-test", "test@piobuildpack.io");

  private final Path dir;
  private Git git;

  private AppFixture(Path dir) {
    this.dir = dir;
  }

  /** An app in this (usually empty, {@code @TempDir}) directory. */
  public static AppFixture in(Path dir) {
    return new AppFixture(dir);
  }

  /**
   * An app in {@code dir} holding a copy of {@code source} (recursively, permissions kept, {@code .git} and
   * {@code .pio_store} left out), its data hooks made executable.
   */
  public static AppFixture copyOf(Path source, Path dir) {
    AppFixture app = new AppFixture(dir);
    app.copyTree(source);
    return app.makeHooksExecutable();
  }

  /** The app's directory. */
  public Path dir() {
    return dir;
  }

  /** A path inside the app. */
  public Path file(String relative) {
    return dir.resolve(relative);
  }

  /** Whether a path inside the app exists. */
  public boolean exists(String relative) {
    return Files.exists(dir.resolve(relative));
  }

  /** Writes a text file (UTF-8), creating parent directories. */
  public AppFixture write(String relative, String content) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an executable {@code /bin/sh} script: {@code #!/bin/sh}, a newline, then {@code body}. */
  public AppFixture script(String relative, String body) {
    write(relative, "#!/bin/sh\n" + body);
    makeExecutable(dir.resolve(relative));
    return this;
  }

  /** Deletes a file if it exists. */
  public AppFixture delete(String relative) {
    try {
      Files.deleteIfExists(dir.resolve(relative));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes every regular file under {@code bin/}, {@code data/hooks/} and {@code hooks/} executable. */
  public AppFixture makeHooksExecutable() {
    for (String relative : EXECUTABLE_DIRS) {
      Path hooks = dir.resolve(relative);
      if (Files.isDirectory(hooks)) {
        try (Stream<Path> files = Files.walk(hooks)) {
          files.filter(Files::isRegularFile).forEach(AppFixture::makeExecutable);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return this;
  }

  /** Makes the directory a git repository (branch {@code main}) and commits everything in it. */
  public AppFixture initGit() {
    try {
      git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
      return this;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot init a git repository in " + dir, e);
    }
  }

  /**
   * Stages every change (additions, edits, deletions, executable bits) and commits it.
   *
   * @return the new commit's SHA-1, 40 hex digits
   */
  public String commit(String message) {
    requireGit();
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      RevCommit commit = git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR)
          .setAllowEmpty(true).setSign(false).call();
      return commit.getName();
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot commit in " + dir, e);
    }
  }

  /**
   * Exports the tree of {@code HEAD} (committed files only, executable bits kept, no {@code .git}) into {@code
   * buildDir}, as a platform checks out a pushed commit for a build.
   *
   * @return the push: the build directory and {@code SOURCE_VERSION}
   */
  public Push push(Path buildDir) {
    requireGit();
    Repository repository = git.getRepository();
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId head = repository.resolve(Constants.HEAD);
      if (head == null) {
        throw new IllegalStateException("nothing committed in " + dir + " to push");
      }
      RevCommit commit = walk.parseCommit(head);
      Files.createDirectories(buildDir);
      try (TreeWalk tree = new TreeWalk(repository)) {
        tree.addTree(commit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          Path target = buildDir.resolve(tree.getPathString());
          Files.createDirectories(target.getParent());
          try (OutputStream out = Files.newOutputStream(target)) {
            repository.open(tree.getObjectId(0)).copyTo(out);
          }
          if (tree.getFileMode(0) == FileMode.EXECUTABLE_FILE) {
            makeExecutable(target);
          }
        }
      }
      return new Push(buildDir, commit.getName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export HEAD of " + dir + " into " + buildDir, e);
    }
  }

  private void requireGit() {
    if (git == null) {
      throw new IllegalStateException("call initGit() first");
    }
  }

  private void copyTree(Path source) {
    try {
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
          String name = directory.getFileName() == null ? "" : directory.getFileName().toString();
          if (!directory.equals(source) && (name.equals(".git") || name.equals(".pio_store"))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          Files.createDirectories(dir.resolve(source.relativize(directory).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          Files.copy(file, dir.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
              StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " into " + dir, e);
    }
  }

  static void makeExecutable(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A pushed commit ready to build.
   *
   * @param buildDir the exported tree, as {@code BUILD_DIR} of {@code bin/compile}
   * @param sourceVersion the commit's SHA-1 (40 hex digits), as Heroku sets {@code SOURCE_VERSION}
   */
  public record Push(Path buildDir, String sourceVersion) {
  }
}
