package io.piobuildpack.buildpack.install.archive;

import io.piobuildpack.testsupport.archive.TarGzBuilder;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark (not a test): extracts a generated tar.gz of about 200 MB, shaped like a Spark distribution (many jars,
 * i.e. mostly incompressible bytes, plus scripts and text), with {@link TarGzExtractor} and with {@code tar -xzf}
 * in the same run, alternating, and prints the median times and the ratio of speeds (goal: at least 0.8 of tar's).
 *
 * <p>Usage: {@code ExtractBenchmark [rounds] [work directory]} (defaults 5 and a temporary directory).
 */
public final class ExtractBenchmark {

  private ExtractBenchmark() {}

  /** Runs the benchmark and prints the table. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path work = args.length > 1 ? Files.createDirectories(Path.of(args[1]))
        : Files.createTempDirectory("extract-benchmark");
    Path archive = work.resolve("spark-like.tgz");
    long uncompressed = generate(archive);
    long compressed = Files.size(archive);
    System.out.printf(Locale.ROOT, "archive: %s, %.1f MB compressed, %.1f MB of content%n", archive,
        compressed / 1e6, uncompressed / 1e6);

    TarGzExtractor extractor = new TarGzExtractor();
    List<Long> ours = new ArrayList<>();
    List<Long> tar = new ArrayList<>();
    runOurs(extractor, archive, work.resolve("warmup"));
    for (int round = 0; round < rounds; round++) {
      if (round % 2 == 0) {
        ours.add(runOurs(extractor, archive, work.resolve("ours")));
        tar.add(runTar(archive, work.resolve("tar")));
      } else {
        tar.add(runTar(archive, work.resolve("tar")));
        ours.add(runOurs(extractor, archive, work.resolve("ours")));
      }
    }
    double oursSeconds = median(ours) / 1e9;
    double tarSeconds = median(tar) / 1e9;
    System.out.printf(Locale.ROOT, "%-28s %10s %12s %14s%n", "extractor (median of " + rounds + ")", "seconds",
        "MB/s (gz)", "speed vs tar");
    System.out.printf(Locale.ROOT, "%-28s %10.3f %12.1f %14.2f%n", "tar -xzf (baseline)", tarSeconds,
        compressed / 1e6 / tarSeconds, 1.0);
    System.out.printf(Locale.ROOT, "%-28s %10.3f %12.1f %14.2f%n", "TarGzExtractor", oursSeconds,
        compressed / 1e6 / oursSeconds, tarSeconds / oursSeconds);
    delete(work);
  }

  private static long generate(Path archive) {
    Random random = new Random(2019);
    TarGzBuilder builder = TarGzBuilder.create().directory("spark-2.4.8-bin-hadoop2.7", 0755);
    long total = 0;
    int jar = 0;
    while (total < 200_000_000L) {
      int size = 20_000 + random.nextInt(300_000);
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      builder.file("spark-2.4.8-bin-hadoop2.7/jars/lib-" + jar++ + ".jar", bytes, 0644);
      total += size;
      if (jar % 10 == 0) {
        String text = ("# line of a script or configuration file " + jar + "\n").repeat(200);
        builder.executable("spark-2.4.8-bin-hadoop2.7/bin/script-" + jar, text);
        total += text.length();
      }
    }
    builder.symlink("spark-2.4.8-bin-hadoop2.7/jars/current.jar", "lib-0.jar");
    builder.writeTo(archive);
    return total;
  }

  private static long runOurs(TarGzExtractor extractor, Path archive, Path target) throws Exception {
    delete(target);
    Files.createDirectories(target);
    long start = System.nanoTime();
    extractor.extract(archive, target, archive.getFileName().toString());
    long elapsed = System.nanoTime() - start;
    delete(target);
    return elapsed;
  }

  private static long runTar(Path archive, Path target) throws Exception {
    delete(target);
    Files.createDirectories(target);
    long start = System.nanoTime();
    Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", target.toString()).inheritIO().start();
    if (tar.waitFor() != 0) {
      throw new IllegalStateException("tar failed with " + tar.exitValue());
    }
    long elapsed = System.nanoTime() - start;
    delete(target);
    return elapsed;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
