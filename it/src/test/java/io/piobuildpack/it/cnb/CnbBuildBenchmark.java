package io.piobuildpack.it.cnb;

import io.piobuildpack.it.PackagedBuildpack;
import io.piobuildpack.it.files.Trees;
import io.piobuildpack.it.process.PhaseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Times of the CNB build on the harness's stand-in archives ({@link io.piobuildpack.it.artifacts.StandInArtifacts}:
 * generated, in the real layouts, small: the time is the buildpack's own work, not the download or extraction of real
 * 200 MB distributions) and the size of each layer per kind of app, with the JVM's bare start ({@code java -version})
 * measured in the same run as the baseline. Needs the packaged buildpack ({@code ./mvnw -pl buildpack -am package
 * -DskipTests}). Arguments: rounds (default 3), a work directory that the non-root build user can reach (default
 * {@code /tmp/cnb-bench}), the packaged buildpack (default {@link PackagedBuildpack#directory()}: the system property
 * {@value PackagedBuildpack#PROPERTY}, else the repository's {@code buildpack/target/buildpack}). From the repository
 * root:
 *
 * <pre>
 * ./mvnw -q -pl it -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp it/target/test-classes:it/target/classes:$(cat it/target/bench-classpath.txt) \
 *   io.piobuildpack.it.cnb.CnbBuildBenchmark 3 /tmp/cnb-bench
 * </pre>
 */
public final class CnbBuildBenchmark {

  private CnbBuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path work = Path.of(args.length > 1 ? args[1] : "/tmp/cnb-bench");
    Path packaged = args.length > 2 ? PackagedBuildpack.at(Path.of(args[2])) : PackagedBuildpack.directory();
    Map<String, List<Double>> times = new TreeMap<>();
    Map<String, Map<String, Long>> sizes = new TreeMap<>();
    for (int round = 0; round < rounds; round++) {
      times.computeIfAbsent("0 baseline: java -version", k -> new ArrayList<>()).add(baseline());
      for (String kind : List.of("engine", "event-server")) {
        Path root = work.resolve(kind + "-" + round);
        Trees.delete(root);
        Files.createDirectories(root);
        try (CnbFixture fixture = new CnbFixture(root, packaged)) {
          Path source = kind.equals("engine") ? fixture.engineSource("1.8") : fixture.eventServerSource();
          fixture.checkout(source);
          long start = System.nanoTime();
          check(fixture.detectAndBuild(kind.equals("engine") ? 1 : 0, true));
          times.computeIfAbsent("1 " + kind + ": first build (detect + build)", k -> new ArrayList<>())
              .add(millis(start));
          sizes.put(kind, layerSizes(fixture.layers, fixture.workspace));
          CnbLifecycle.restoreForRebuild(fixture.layers);
          fixture.checkout(source);
          fixture.artifacts.resetCounts();
          start = System.nanoTime();
          check(fixture.detectAndBuild(kind.equals("engine") ? 1 : 0, true));
          times.computeIfAbsent("2 " + kind + ": rebuild, layers restored (detect + build)", k -> new ArrayList<>())
              .add(millis(start));
          if (fixture.artifacts.requestCount() != 0) {
            throw new IllegalStateException("the rebuild downloaded something");
          }
        }
        Trees.delete(root);
      }
    }
    double baseline = median(times.get("0 baseline: java -version"));
    System.out.printf("%-55s %10s %8s%n", "step (median of " + rounds + ")", "ms", "ratio");
    for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
      double median = median(entry.getValue());
      System.out.printf("%-55s %10.1f %8.2f%n", entry.getKey().substring(2), median, median / baseline);
    }
    System.out.println();
    System.out.printf("%-14s %-14s %14s%n", "app kind", "layer", "bytes");
    sizes.forEach((kind, layers) -> layers.forEach((layer, bytes) ->
        System.out.printf("%-14s %-14s %14d%n", kind, layer, bytes)));
  }

  private static void check(PhaseResult run) {
    if (run.exitCode() != 0) {
      throw new IllegalStateException("build failed: " + run.output());
    }
  }

  private static double baseline() throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    java.waitFor();
    return millis(start);
  }

  private static double millis(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** Bytes of regular files per layer directory (what an image layer holds, uncompressed), and the app dir. */
  private static Map<String, Long> layerSizes(Path layers, Path app) throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> list = Files.list(layers)) {
      for (Path dir : list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        sizes.put(dir.getFileName().toString(), bytes(dir));
      }
    }
    sizes.put("(app dir)", bytes(app));
    return sizes;
  }

  private static long bytes(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sum();
    }
  }
}
