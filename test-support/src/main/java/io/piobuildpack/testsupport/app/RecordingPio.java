package io.piobuildpack.testsupport.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A stand-in for PredictionIO's {@code pio} command: a generated POSIX {@code sh} script named {@code pio} in a
 * directory to put first on {@code PATH}. Each call appends its arguments ({@code "$*"}, one line per call) to a
 * calls file and the selected environment variables to an environment file, prints {@code pio-ran}, and exits with
 * {@code $PIO_STANDIN_EXIT} (0 when unset).
 *
 * <p>{@code pio build} also does what a real build leaves behind for the deploy step: the engine's assembly jar at
 * {@code target/scala-<version>/<engine>-assembly-<engine version>.jar} in the working directory (a real, small jar).
 * {@code pio deploy} only records; a stand-in engine server listening on {@code PORT} is left to the integration
 * tests, which own that behaviour and add it with {@link #builder(Path)}'s {@link Builder#on(String, String)}.
 */
public final class RecordingPio {

  /** The Scala binary version of PredictionIO 0.12+ engines (https://predictionio.apache.org/install/). */
  public static final String DEFAULT_SCALA_VERSION = "2.11";

  private static final String ENV_SEPARATOR = "--";

  private final Path binDir;
  private final Path calls;
  private final Path environments;
  private final List<String> recordedVariables;
  private String script;

  private RecordingPio(Path binDir, List<String> recordedVariables) {
    this.binDir = binDir;
    this.calls = binDir.resolve("pio.calls");
    this.environments = binDir.resolve("pio.env");
    this.recordedVariables = List.copyOf(recordedVariables);
  }

  /**
   * Writes {@code pio} (and the assembly jar it copies on {@code build}) into {@code binDir}, building {@code
   * <engine>-assembly-0.1.0.jar} for Scala {@value #DEFAULT_SCALA_VERSION}.
   *
   * @param recordedVariables names of environment variables recorded on each call (as {@code NAME=value}, or
   *     {@code NAME} alone when unset)
   */
  public static RecordingPio create(Path binDir, String... recordedVariables) {
    return create(binDir, DEFAULT_SCALA_VERSION, "engine", List.of(recordedVariables));
  }

  /**
   * Writes {@code pio} into {@code binDir}; {@code build} produces {@code target/scala-<scalaVersion>/<engineName>
   * -assembly-0.1.0.jar}.
   */
  public static RecordingPio create(Path binDir, String scalaVersion, String engineName,
      List<String> recordedVariables) {
    return builder(binDir).scalaVersion(scalaVersion).engineName(engineName).record(recordedVariables).create();
  }

  /**
   * A builder for a stand-in with more behaviour than {@link #create(Path, String...)}: names recorded by prefix
   * (without their values) and shell fragments run for a subcommand after the call is recorded.
   */
  public static Builder builder(Path binDir) {
    return new Builder(binDir);
  }

  /** Options of a {@link RecordingPio}; {@link #create()} writes it. */
  public static final class Builder {

    private final Path binDir;
    private String scalaVersion = DEFAULT_SCALA_VERSION;
    private String engineName = "engine";
    private final List<String> recordedVariables = new ArrayList<>();
    private final List<String> recordedPrefixes = new ArrayList<>();
    private final Map<String, String> fragments = new LinkedHashMap<>();

    private Builder(Path binDir) {
      this.binDir = binDir;
    }

    /** The Scala binary version of {@code target/scala-<version>/} (default {@value RecordingPio#DEFAULT_SCALA_VERSION}). */
    public Builder scalaVersion(String version) {
      this.scalaVersion = version;
      return this;
    }

    /** The engine name of the assembly jar {@code <name>-assembly-0.1.0.jar} (default {@code engine}). */
    public Builder engineName(String name) {
      this.engineName = name;
      return this;
    }

    /**
     * Variables recorded on each call as {@code NAME=value}, or {@code NAME} alone when unset.
     *
     * @throws IllegalArgumentException for something that is not a variable name
     */
    public Builder record(List<String> names) {
      for (String name : names) {
        requireName(name);
        recordedVariables.add(name);
      }
      return this;
    }

    /**
     * Records the names (never the values) of the variables starting with {@code prefix}, as one entry {@code
     * <prefix>*} whose value is the names in sorted order, separated by single spaces (empty when none is set).
     * For variables whose values are secrets, such as PredictionIO's {@code PIO_STORAGE_*}.
     *
     * @throws IllegalArgumentException when the prefix is not the start of a variable name
     */
    public Builder recordNamesStartingWith(String prefix) {
      requireName(prefix);
      recordedPrefixes.add(prefix);
      return this;
    }

    /**
     * A POSIX {@code sh} fragment run when the first argument is {@code subcommand}, after the call is recorded and
     * before the stand-in's own behaviour. It sees the call's arguments as {@code "$@"}; it may {@code exit} or
     * {@code exec} (then, for {@code build}, no assembly jar is written), else the stand-in goes on as usual
     * ({@code build}'s assembly jar, {@code pio-ran}, {@code $PIO_STANDIN_EXIT}).
     */
    public Builder on(String subcommand, String shellFragment) {
      requireName(subcommand.replace('-', '_'));
      fragments.put(subcommand, shellFragment);
      return this;
    }

    /** Writes {@code pio} (and the assembly jar it copies on {@code build}) into the directory. */
    public RecordingPio create() {
      RecordingPio pio = new RecordingPio(binDir, recordedVariables);
      try {
        Files.createDirectories(binDir);
        Path jar = binDir.resolve("pio-standin-assembly.jar");
        writeAssemblyJar(jar, engineName);
        String script = script(pio, jar);
        Path pioScript = binDir.resolve("pio");
        Files.writeString(pioScript, script, StandardCharsets.UTF_8);
        AppFixture.makeExecutable(pioScript);
        pio.script = script;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the recording pio into " + binDir, e);
      }
      return pio;
    }

    private String script(RecordingPio pio, Path jar) {
      StringBuilder script = new StringBuilder("#!/bin/sh\n")
          .append("# Recording stand-in for PredictionIO's pio, generated by a test.\n")
          .append("printf '%s\\n' \"$*\" >> ").append(quote(pio.calls)).append('\n');
      for (String name : recordedVariables) {
        script.append("if [ \"${").append(name).append("+set}\" = set ]; then printf '%s=%s\\n' ").append(name)
            .append(" \"$").append(name).append("\"; else printf '%s\\n' ").append(name).append("; fi >> ")
            .append(quote(pio.environments)).append('\n');
      }
      for (String prefix : recordedPrefixes) {
        script.append("printf '%s=%s\\n' '").append(prefix).append("*' \"$(env | sed -n 's/^\\(")
            .append(prefix).append("[A-Za-z0-9_]*\\)=.*/\\1/p' | sort | tr '\\n' ' ' | sed 's/ $//')\" >> ")
            .append(quote(pio.environments)).append('\n');
      }
      script.append("printf '%s\\n' ").append(ENV_SEPARATOR).append(" >> ").append(quote(pio.environments))
          .append('\n');
      for (Map.Entry<String, String> fragment : fragments.entrySet()) {
        script.append("if [ \"$1\" = ").append(fragment.getKey()).append(" ]; then\n")
            .append(fragment.getValue().endsWith("\n") ? fragment.getValue() : fragment.getValue() + "\n")
            .append("fi\n");
      }
      script.append("if [ \"$1\" = build ]; then\n")
          .append("  mkdir -p target/scala-").append(scalaVersion).append(" || exit 1\n")
          .append("  cp ").append(quote(jar)).append(" target/scala-").append(scalaVersion).append('/')
          .append(engineName).append("-assembly-0.1.0.jar || exit 1\n")
          .append("fi\n");
      return script.append("echo pio-ran\n")
          .append("exit \"${PIO_STANDIN_EXIT:-0}\"\n")
          .toString();
    }

    private static void requireName(String name) {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("not a variable name: " + name);
      }
    }
  }

  /** The directory holding {@code pio}: put it first on {@code PATH}. */
  public Path binDir() {
    return binDir;
  }

  /** {@code binDir} followed by the test's own {@code PATH}. */
  public String path() {
    return binDir + ":" + System.getenv("PATH");
  }

  /** The arguments of every call so far, one string per call, joined by single spaces as {@code "$*"} does. */
  public List<String> calls() {
    try {
      return Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The recorded variables of every call so far, in call order: name to value, or to {@code null} when the
   * variable was unset. Values holding a newline are not supported.
   */
  public List<Map<String, String>> environments() {
    List<Map<String, String>> all = new ArrayList<>();
    try {
      if (!Files.exists(environments)) {
        return all;
      }
      Map<String, String> current = new LinkedHashMap<>();
      for (String line : Files.readAllLines(environments, StandardCharsets.UTF_8)) {
        if (line.equals(ENV_SEPARATOR)) {
          all.add(current);
          current = new LinkedHashMap<>();
        } else {
          int eq = line.indexOf('=');
          current.put(eq < 0 ? line : line.substring(0, eq), eq < 0 ? null : line.substring(eq + 1));
        }
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generated script, e.g. to pack it into a distribution archive as {@code bin/pio}. */
  public String script() {
    return script;
  }

  /** The variables this stand-in records. */
  public List<String> recordedVariables() {
    return recordedVariables;
  }

  private static void writeAssemblyJar(Path jar, String engineName) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, engineName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry("engine.txt"));
      out.write(("stand-in assembly of " + engineName + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }

  private static String quote(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }
}
