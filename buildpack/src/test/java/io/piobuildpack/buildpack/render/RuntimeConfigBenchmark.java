package io.piobuildpack.buildpack.render;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures the run-time step that runs at every dyno start, as the dyno runs it: the {@code .profile.d} script
 * sourced by {@code sh}, which starts {@code bin/pio-data runtime-config} on the slug's jar; and the step itself as
 * a plain {@code java -jar} process. Baselines in the same run: the same JVM's {@code java -version} (bare start) and
 * {@code pio-data --version} (JVM start plus the CLI with every command, no work). Also the step in-process once warm (the work without JVM start-up).
 *
 * <p>Needs the packaged jar: {@code ./mvnw -q -pl buildpack -am package -DskipTests}, then {@code ./mvnw -q -pl
 * buildpack dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test} and {@code java -cp
 * buildpack/target/test-classes:buildpack/target/classes:$(cat buildpack/cp.txt)
 * io.piobuildpack.buildpack.render.RuntimeConfigBenchmark [rounds]}. Prints a table of medians.
 */
public final class RuntimeConfigBenchmark {

  private RuntimeConfigBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Path jar = Path.of("buildpack/target/pio-data.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the jar first: ./mvnw -q -pl buildpack -am package -DskipTests");
    }
    Path app = Files.createTempDirectory("runtime-config-bench");
    Files.createDirectories(app.resolve("PredictionIO-dist/conf"));
    Files.createDirectories(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf"));
    Files.createDirectories(app.resolve(".pio-buildpack/lib"));
    Files.copy(jar, app.resolve(AppLayout.TOOLKIT_JAR));
    Path javaLink = app.resolve(".pio-buildpack/jre/bin/java");
    Files.createDirectories(javaLink.getParent());
    Files.createSymbolicLink(javaLink, Path.of(System.getProperty("java.home"), "bin", "java"));
    new BuildTimeFiles(app, new TemplateEngine(), RenderListener.NONE)
        .write(new BuildSettings(true, false, ".pio-buildpack/jre/bin/java", false));
    String java = javaLink.toString();
    Map<String, String> env = Map.of("HOME", app.toString(), "DYNO", "web.1",
        "DATABASE_URL", "postgres://user:p%40ss@db.example.com:5433/d1?application_name=x",
        "PIO_S3_BUCKET_NAME", "models", "PIO_S3_AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
        "PIO_S3_AWS_SECRET_ACCESS_KEY", "secret", "AWS_REGION", "eu-west-1",
        "PIO_ELASTICSEARCH_URL", "https://u:p@es.example.com");

    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("baseline: java -version (bare JVM start)", List.of(java, "-version"));
    commands.put("java -jar pio-data.jar --version (all commands)", List.of(java, "-jar", jar.toString(),
        "--version"));
    commands.put("java -jar pio-data.jar runtime-config", List.of(java, "-jar", jar.toString(), "runtime-config",
        "--app-dir", app.toString(), "--env-file", app.resolve(AppLayout.RUNTIME_ENV_FILE).toString()));
    commands.put("  same, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC", List.of(java, "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-jar", jar.toString(), "runtime-config", "--app-dir", app.toString(), "--env-file",
        app.resolve(AppLayout.RUNTIME_ENV_FILE).toString()));
    commands.put("sh: . .profile.d/pio-runtime.sh (dyno start)", List.of("/bin/sh", "-c",
        ". \"$HOME/.profile.d/pio-runtime.sh\" && [ -n \"$PIO_STORAGE_SOURCES_PGSQL_URL\" ]"));

    Map<String, long[]> samples = new LinkedHashMap<>();
    commands.keySet().forEach(name -> samples.put(name, new long[rounds]));
    for (int round = -2; round < rounds; round++) { // two warm-up rounds (file cache), interleaved
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        long nanos = time(command.getValue(), env, app);
        if (round >= 0) {
          samples.get(command.getKey())[round] = nanos;
        }
      }
    }
    long inProcess = inProcess(app, env, rounds * 20);

    double baseline = median(samples.values().iterator().next());
    System.out.printf("%-50s %12s %8s%n", "run-time step (" + rounds + " rounds, median)", "ms", "ratio");
    for (Map.Entry<String, long[]> entry : samples.entrySet()) {
      double ms = median(entry.getValue());
      System.out.printf("%-50s %12.1f %8.2f%n", entry.getKey(), ms, ms / baseline);
    }
    System.out.printf("%-50s %12.3f %8.4f%n", "in-process, warm (templates + DATABASE_URL, files)",
        inProcess / 1e6, inProcess / 1e6 / baseline);
  }

  private static long time(List<String> command, Map<String, String> env, Path dir)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    long nanos = System.nanoTime() - start;
    if (process.exitValue() != 0) {
      throw new IllegalStateException("exit " + process.exitValue() + ": " + command);
    }
    return nanos;
  }

  /** Median nanoseconds of the whole step in this JVM, after as many warm-up runs. */
  private static long inProcess(Path app, Map<String, String> variables, int runs) {
    Environment env = Environment.of(variables);
    TemplateEngine engine = new TemplateEngine();
    long[] times = new long[runs];
    for (int i = -runs; i < runs; i++) {
      long start = System.nanoTime();
      RuntimeFiles files = new RuntimeFiles(env, app, engine, RenderListener.NONE);
      files.writeEnvironment(files.environment(), Templates.RUNTIME_ENV_SH, app.resolve(AppLayout.RUNTIME_ENV_FILE));
      files.writeConfigFiles();
      if (i >= 0) {
        times[i] = System.nanoTime() - start;
      }
    }
    return (long) (median(times) * 1e6);
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
