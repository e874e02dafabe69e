package io.piobuildpack.buildpack.install;

import io.piobuildpack.buildpack.install.archive.ArchiveException;
import io.piobuildpack.buildpack.install.archive.TarGzExtractor;
import io.piobuildpack.buildpack.install.common.InstallException;
import io.piobuildpack.buildpack.install.common.InstallListener;
import io.piobuildpack.buildpack.install.common.InvalidInstallSettingException;
import io.piobuildpack.buildpack.install.download.ArtifactFetcher;
import io.piobuildpack.buildpack.install.download.DownloadCache;
import io.piobuildpack.buildpack.install.download.DownloadSettings;
import io.piobuildpack.buildpack.install.download.EnvironmentProxySelector;
import io.piobuildpack.buildpack.install.download.FetchedArtifact;
import io.piobuildpack.buildpack.install.download.HttpFetcher;
import io.piobuildpack.buildpack.install.download.Mirror;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.resolve.InstallPlan;
import io.piobuildpack.core.config.Environment;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Installs artifacts atomically: an archive is extracted into a temporary directory beside the destination, its
 * single top folder stripped, and only then renamed into place; an existing install is moved aside and deleted only
 * after the new one is in place, and the {@link InstallRecord} is written last. A failed or killed build therefore
 * never leaves a half-installed destination: the previous install stays (or, killed between the two renames, the
 * destination is absent and the next build installs it). Left-over temporary directories of earlier runs are removed.
 *
 * <p>Nothing is downloaded when the destination's record already matches ({@link InstallDecision.Reuse}).
 */
public final class Installer {

  /** The outcome of one install: what is there now, whether it was reused, and why it was installed. */
  public record Result(Artifact artifact, Path destination, InstallRecord record, boolean reused, String reason) {}

  private final ArtifactFetcher fetcher;
  private final TarGzExtractor extractor;

  /**
   * The installer for a build: download settings ({@code PIO_DOWNLOAD_*}), proxies ({@code HTTPS_PROXY},
   * {@code HTTP_PROXY}, {@code NO_PROXY}) and mirror ({@code PIO_DEPENDENCY_MIRROR}) from {@code env}, downloads
   * cached in {@code cacheDir} (Heroku's {@code CACHE_DIR}, a CNB cache layer).
   *
   * @throws InvalidInstallSettingException naming the variable when one of them is unusable
   */
  public static Installer forBuild(Environment env, Path cacheDir) throws InvalidInstallSettingException {
    HttpFetcher http = new HttpFetcher(DownloadSettings.from(env), EnvironmentProxySelector.from(env));
    return new Installer(new ArtifactFetcher(http, new DownloadCache(cacheDir), Mirror.from(env)),
        new TarGzExtractor());
  }

  /** An installer fetching with {@code fetcher} and extracting with {@code extractor}. */
  public Installer(ArtifactFetcher fetcher, TarGzExtractor extractor) {
    this.fetcher = fetcher;
    this.extractor = extractor;
  }

  /**
   * Installs every artifact of a plan into a layout, PredictionIO first (the others live inside it).
   *
   * @throws InstallException for the first artifact that fails; those before it stay installed
   */
  public List<Result> install(InstallPlan plan, InstallLayout layout, InstallListener listener)
      throws InstallException {
    List<Result> results = new ArrayList<>();
    results.add(install(plan.predictionIo(), layout.predictionIo(), listener));
    results.add(install(plan.spark(), layout.spark(), listener));
    results.add(install(plan.postgresqlJdbc(), layout.postgresqlJdbc(), listener));
    if (plan.elasticsearch().isPresent()) {
      results.add(install(plan.elasticsearch().get(), layout.elasticsearch(), listener));
    }
    for (Artifact jar : plan.s3Jars()) {
      results.add(install(jar, layout.s3Jars().resolve(jar.name() + ".jar"), listener));
    }
    results.add(install(plan.jdk(), layout.jdk(), listener));
    results.add(install(plan.jre(), layout.jre(), listener));
    return results;
  }

  /**
   * Installs one artifact at {@code destination} (a directory for archives, a file for jars), or reuses it.
   *
   * @throws InstallException when it cannot be fetched, verified, extracted or moved into place; the destination
   *     is then as it was before
   */
  public Result install(Artifact artifact, Path destination, InstallListener listener) throws InstallException {
    Path dest = destination.toAbsolutePath().normalize();
    InstallDecision decision = InstallDecision.decide(artifact, dest);
    if (decision instanceof InstallDecision.Reuse reuse) {
      listener.reused(artifact, dest);
      return new Result(artifact, dest, reuse.record(), true, "unchanged");
    }
    String reason = ((InstallDecision.Install) decision).reason();
    FetchedArtifact fetched = fetcher.fetch(artifact, listener);
    try {
      InstallRecord record = InstallRecord.of(fetched);
      place(fetched, dest, record, listener);
      listener.installed(artifact, dest, reason);
      return new Result(artifact, dest, record, false, reason);
    } finally {
      if (fetched.temporary()) {
        deleteQuietly(fetched.file());
      }
    }
  }

  private void place(FetchedArtifact fetched, Path dest, InstallRecord record, InstallListener listener)
      throws InstallException {
    Path parent = dest.getParent();
    String name = dest.getFileName().toString();
    Path temporary = parent.resolve("." + name + ".tmp-" + UUID.randomUUID());
    Path old = parent.resolve("." + name + ".old-" + UUID.randomUUID());
    try {
      Files.createDirectories(parent);
      removeLeftovers(parent, name);
      Path content;
      if (fetched.artifact().format().equals("jar")) {
        Files.copy(fetched.file(), temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        content = temporary;
      } else {
        Files.createDirectory(temporary);
        listener.extracting(fetched.artifact(), dest);
        extractor.extract(fetched.file(), temporary, fetched.artifact().fileName());
        content = stripTopFolder(temporary, fetched.artifact());
      }
      Optional<InstallRecord> previous = readQuietly(dest);
      InstallRecord.delete(dest);
      boolean replacing = Files.exists(dest, LinkOption.NOFOLLOW_LINKS);
      if (replacing) {
        Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(content, dest, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (replacing) {
          Files.move(old, dest, StandardCopyOption.ATOMIC_MOVE);
          if (previous.isPresent()) {
            previous.get().write(dest);
          }
        }
        throw e;
      }
      record.write(dest);
      if (replacing) {
        deleteRecursively(old);
      }
    } catch (IOException e) {
      throw new InstallException("Cannot install " + fetched.artifact().label() + " into " + dest + ": "
          + e.getMessage() + "; the previous install (if any) is unchanged.", e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static Optional<InstallRecord> readQuietly(Path dest) {
    try {
      return InstallRecord.read(dest);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Path stripTopFolder(Path extracted, Artifact artifact) throws IOException, ArchiveException {
    String strip = artifact.strip();
    if (strip == null) {
      return extracted;
    }
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(extracted)) {
      entries.forEach(children::add);
    }
    boolean single = children.size() == 1
        && Files.isDirectory(children.get(0), LinkOption.NOFOLLOW_LINKS);
    if (strip.equals("*")) {
      return single ? children.get(0) : extracted;
    }
    if (single && children.get(0).getFileName().toString().equals(strip)) {
      return children.get(0);
    }
    throw new ArchiveException(artifact.fileName() + ": expected a single top folder \"" + strip + "/\", found "
        + children.stream().map(p -> p.getFileName().toString()).sorted().toList(), null);
  }

  private static void removeLeftovers(Path parent, String name) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
        "." + escapeGlob(name) + ".{tmp,old}-*")) {
      for (Path leftover : entries) {
        deleteRecursively(leftover);
      }
    }
  }

  private static String escapeGlob(String name) {
    return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        dir.toFile().setWritable(true, true);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteQuietly(Path path) {
    try {
      deleteRecursively(path);
    } catch (IOException ignored) {
      // a left-over is removed by the next install to the same destination
    }
  }
}
