package io.piobuildpack.it.heroku;

import io.piobuildpack.it.PackagedBuildpack;
import io.piobuildpack.it.files.Trees;
import io.piobuildpack.it.process.PhaseResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the packaged buildpack on the harness's stand-in archives ({@link
 * io.piobuildpack.it.artifacts.StandInArtifacts}: generated, in the real layouts, not the real, much larger
 * distributions):
 * cold and warm {@code bin/compile} of an engine app and an event-server app, the size the install adds to each slug,
 * and the event server's start on the built slug moved to another directory (as a slug moves from the build
 * directory to {@code /app}), with and without the build's class-data archive. Baseline, measured in the same run:
 * a bare JVM start ({@code java -version}). Arguments: rounds (default 5), the packaged buildpack (default {@link
 * PackagedBuildpack#directory()}: the system property {@value PackagedBuildpack#PROPERTY}, else the repository's
 * {@code buildpack/target/buildpack}). From the repository root:
 *
 * <pre>
 * ./mvnw -q -pl it -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp it/target/test-classes:it/target/classes:$(cat it/target/bench-classpath.txt) \
 *   io.piobuildpack.it.heroku.HerokuCompileBenchmark 5
 * </pre>
 */
public final class HerokuCompileBenchmark {

  private HerokuCompileBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path packaged = args.length > 1 ? PackagedBuildpack.at(Path.of(args[1])) : PackagedBuildpack.directory();
    Path root = Files.createTempDirectory("pio-heroku-bench");
    try (HerokuFixture fixture = new HerokuFixture(root, packaged)) {
      List<Double> jvm = new ArrayList<>();
      List<Double> engineCold = new ArrayList<>();
      List<Double> engineWarm = new ArrayList<>();
      List<Double> eventsCold = new ArrayList<>();
      List<Double> eventsWarm = new ArrayList<>();
      long engineSize = 0;
      long eventsSize = 0;
      Path slug = null;
      for (int i = 0; i < rounds; i++) {
        jvm.add(time(() -> fixture.exec(Map.of("PATH", "/usr/bin:/bin"), root, HerokuFixture.JAVA.toString(),
            "-version")));
        Path envDir = fixture.envDir("bench-" + i, Map.of());
        Trees.delete(fixture.cache);
        Path e1 = fixture.engineApp("engine-cold-" + i, "0.14.0");
        engineCold.add(time(() -> check(fixture.compile(e1, envDir, Map.of()))));
        long before = size(fixture.engineApp("engine-source-" + i, "0.14.0"));
        engineSize = size(e1) - before - size(e1.resolve("target"));
        Path e2 = fixture.engineApp("engine-warm-" + i, "0.14.0");
        engineWarm.add(time(() -> check(fixture.compile(e2, envDir, Map.of()))));
        Trees.delete(fixture.cache);
        Path s1 = fixture.eventServerApp("events-cold-" + i);
        long sourceSize = size(s1);
        eventsCold.add(time(() -> check(fixture.compile(s1, envDir, Map.of()))));
        eventsSize = size(s1) - sourceSize;
        Path s2 = fixture.eventServerApp("events-warm-" + i);
        eventsWarm.add(time(() -> check(fixture.compile(s2, envDir, Map.of()))));
        slug = s2;
      }
      Path moved = root.resolve("app");
      Files.move(slug, moved);
      List<Double> withArchive = new ArrayList<>();
      List<Double> withoutArchive = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        withArchive.add(serverStart(moved, true));
        withoutArchive.add(serverStart(moved, false));
      }
      double base = median(jvm);
      System.out.printf("%-62s %10s %7s%n", "step (medians of " + rounds + ")", "ms", "ratio");
      row("baseline: bare JVM start (java -version)", base, base);
      row("bin/compile engine app, cold cache (5 archives downloaded)", median(engineCold), base);
      row("bin/compile engine app, warm cache (fresh BUILD_DIR)", median(engineWarm), base);
      row("bin/compile event-server app, cold cache (JRE downloaded)", median(eventsCold), base);
      row("bin/compile event-server app, warm cache (fresh BUILD_DIR)", median(eventsWarm), base);
      row("event server on the moved slug: start to first answer, archive", median(withArchive), base);
      row("event server on the moved slug: same, PIO_DATA_CLASS_ARCHIVE=off", median(withoutArchive), base);
      System.out.printf("size added to the slug (test archives): engine app %.1f MB, event-server app %.1f MB%n",
          engineSize / 1e6, eventsSize / 1e6);
      System.out.printf("of which the toolkit jar %.1f MB, the class-data archive %.1f MB%n",
          Files.size(moved.resolve(".pio-buildpack/lib/pio-data.jar")) / 1e6,
          Files.size(moved.resolve(".pio-buildpack/lib/pio-data.jsa")) / 1e6);
    } finally {
      Trees.delete(root);
    }
  }

  private static void row(String name, double ms, double base) {
    System.out.printf("%-62s %10.0f %7.2f%n", name, ms, ms / base);
  }

  private static PhaseResult check(PhaseResult run) {
    if (run.exitCode() != 0) {
      throw new IllegalStateException(run.output());
    }
    return run;
  }

  private interface Step {
    Object run() throws Exception;
  }

  private static double time(Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    return (System.nanoTime() - start) / 1e6;
  }

  /** Milliseconds from starting bin/pio-data eventserver on a free port to its first HTTP answer. */
  private static double serverStart(Path app, boolean archive) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/bin:/bin");
    env.put("HOME", app.toString());
    env.put("PORT", Integer.toString(port));
    if (!archive) {
      env.put("PIO_DATA_CLASS_ARCHIVE", "off");
    }
    ProcessBuilder builder = new ProcessBuilder("bin/pio-data", "eventserver").directory(app.toFile())
        .redirectErrorStream(true).redirectOutput(app.resolve("server-" + archive + ".log").toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the event server exited: " + Files.readString(app.resolve("server-"
              + archive + ".log")));
        }
        try {
          client.send(request, HttpResponse.BodyHandlers.discarding());
          return (System.nanoTime() - start) / 1e6;
        } catch (IOException notYet) {
          Thread.onSpinWait();
        }
      }
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long size(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
