package io.piobuildpack.it.cnb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.it.files.Trees;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.process.PhaseRunner;
import io.piobuildpack.it.process.RunningProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small emulation of what the CNB lifecycle does around one buildpack, written from the Buildpack API 0.10 spec
 * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md) and the platform spec: it runs
 * {@code bin/detect} and {@code bin/build} with the {@code CNB_*} variables and the deprecated positional
 * arguments, in the app directory, as a non-root user when the tests run as root (the detector and builder refuse
 * root); restores layers for a rebuild by the spec's table; and applies launch layers' env files and
 * {@code exec.d} programs before starting a process of {@code launch.toml}, as the launcher does.
 */
public final class CnbLifecycle {

  /** The user the lifecycle phases run as when the tests run as root ({@code nobody}). */
  public static final int USER_ID = 65534;

  private static final TomlMapper TOML = new TomlMapper();

  private final Path buildpackDir;
  private final Path home;
  private final PhaseRunner runner;

  /**
   * @param buildpackDir the buildpack's root (holding {@code bin/detect} and {@code bin/build})
   * @param home {@code HOME} of the phases, and where {@code exec.d} programs write their output
   * @param runner runs each phase
   */
  public CnbLifecycle(Path buildpackDir, Path home, PhaseRunner runner) {
    this.buildpackDir = buildpackDir;
    this.home = home;
    this.runner = runner;
  }

  /** Whether this JVM runs as root (then the phases and processes run as {@link #USER_ID}). */
  public static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Gives a tree to the non-root user (when the tests run as root), as the platform does with the workspace. */
  public static void handOver(Path tree) throws IOException, InterruptedException {
    if (runningAsRoot()) {
      Process chown = new ProcessBuilder("chown", "-R", USER_ID + ":" + USER_ID, tree.toString())
          .inheritIO().start();
      if (chown.waitFor() != 0) {
        throw new IOException("chown failed for " + tree);
      }
    }
  }

  private static List<String> asUser(List<String> command) {
    if (!runningAsRoot()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + USER_ID, "--regid=" + USER_ID,
        "--clear-groups", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private Map<String, String> baseEnv() {
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    return env;
  }

  /**
   * {@code bin/detect}: with {@code CNB_*} variables when {@code withVariables}, else with the positional
   * arguments only. {@code processEnv} is what the lifecycle put into the environment from {@code <platform>/env}.
   */
  public PhaseResult detect(Path app, Path platform, Path planPath, boolean withVariables, Map<String, String> processEnv)
      throws IOException, InterruptedException {
    Map<String, String> env = baseEnv();
    env.putAll(processEnv);
    if (withVariables) {
      env.put("CNB_PLATFORM_DIR", platform.toString());
      env.put("CNB_BUILD_PLAN_PATH", planPath.toString());
      env.put("CNB_BUILDPACK_DIR", buildpackDir.toString());
      env.put("CNB_TARGET_OS", "linux");
      env.put("CNB_TARGET_ARCH", "amd64");
    }
    return runner.run("bin/detect", asUser(List.of(buildpackDir.resolve("bin/detect").toString(),
        platform.toString(), planPath.toString())), app, env);
  }

  /**
   * {@code bin/build} with the variables and the positional arguments (or the arguments only), plus
   * {@code buildEnvironment} (what the builder image sets, e.g. {@code JAVA_HOME}).
   */
  public PhaseResult build(Path app, Path layers, Path platform, Path bpPlan, boolean withVariables,
      Map<String, String> buildEnvironment) throws IOException, InterruptedException {
    Map<String, String> env = baseEnv();
    env.putAll(buildEnvironment);
    if (withVariables) {
      env.put("CNB_LAYERS_DIR", layers.toString());
      env.put("CNB_PLATFORM_DIR", platform.toString());
      env.put("CNB_BP_PLAN_PATH", bpPlan.toString());
      env.put("CNB_BUILDPACK_DIR", buildpackDir.toString());
      env.put("CNB_TARGET_OS", "linux");
      env.put("CNB_TARGET_ARCH", "amd64");
    }
    return runner.run("bin/build", asUser(List.of(buildpackDir.resolve("bin/build").toString(),
        layers.toString(), platform.toString(), bpPlan.toString())), app, env);
  }

  /**
   * Writes the Buildpack Plan the lifecycle hands to build: the requirements of the chosen alternative
   * ({@code alternative} 0 = top level, n = the n-th {@code [[or]]}) that this buildpack provides itself (the
   * others go to the earlier provider), each as {@code [[entries]]} with its metadata.
   */
  public static void writeBuildpackPlan(Path detectPlan, int alternative, Path bpPlan) throws IOException {
    JsonNode root = TOML.readTree(Files.readString(detectPlan));
    JsonNode chosen = alternative == 0 ? root : root.path("or").get(alternative - 1);
    List<String> provided = new ArrayList<>();
    chosen.path("provides").forEach(p -> provided.add(p.path("name").asText()));
    List<Object> entries = new ArrayList<>();
    for (JsonNode requirement : chosen.path("requires")) {
      if (!provided.contains(requirement.path("name").asText())) {
        continue; // the entry goes to the earlier buildpack that provides it
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", requirement.path("name").asText());
      if (requirement.has("metadata")) {
        entry.put("metadata", TOML.convertValue(requirement.get("metadata"), Map.class));
      }
      entries.add(entry);
    }
    Files.writeString(bpPlan, TOML.writeValueAsString(Map.of("entries", entries)));
  }

  /**
   * The alternative of a detect plan the lifecycle chooses when this buildpack is alone in its group: the first
   * (0 = top level, n = the n-th {@code [[or]]}) whose requirements are all provided by the buildpack itself and
   * whose provisions are all required, since nothing runs before or after it to provide or require the rest
   * (https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#phase-1-detection).
   *
   * @throws IOException when the plan cannot be read
   * @throws IllegalStateException when no alternative resolves alone (the buildpack needs another in its group)
   */
  public static int aloneAlternative(Path detectPlan) throws IOException {
    JsonNode root = TOML.readTree(Files.readString(detectPlan));
    List<JsonNode> alternatives = new ArrayList<>(List.of(root));
    root.path("or").forEach(alternatives::add);
    for (int i = 0; i < alternatives.size(); i++) {
      List<String> provided = new ArrayList<>();
      alternatives.get(i).path("provides").forEach(p -> provided.add(p.path("name").asText()));
      List<String> required = new ArrayList<>();
      alternatives.get(i).path("requires").forEach(r -> required.add(r.path("name").asText()));
      if (provided.containsAll(required) && required.containsAll(provided)) {
        return i;
      }
    }
    throw new IllegalStateException("no alternative of " + detectPlan
        + " resolves without another buildpack in the group");
  }

  /**
   * Prepares {@code layers} for the next build as the lifecycle's analyze and restore phases do (Buildpack API 0.10
   * layer table): cached layers come back with metadata and contents, launch-only layers with metadata only (the
   * image has the contents), other layers not at all; every restored {@code <layer>.toml} loses its
   * {@code [types]}; {@code launch.toml} and other files are not restored.
   */
  public static void restoreForRebuild(Path layers) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(layers)) {
      entries = list.toList();
    }
    Map<String, JsonNode> tomls = new TreeMap<>();
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.endsWith(".toml") && !List.of("launch.toml", "build.toml", "store.toml").contains(name)) {
        tomls.put(name.substring(0, name.length() - ".toml".length()), TOML.readTree(Files.readString(entry)));
      }
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      String layer = name.endsWith(".toml") ? name.substring(0, name.length() - 5)
          : name.contains(".sbom.") ? name.substring(0, name.indexOf(".sbom.")) : name;
      JsonNode toml = tomls.get(layer);
      boolean cache = toml != null && toml.path("types").path("cache").asBoolean(false);
      boolean launch = toml != null && toml.path("types").path("launch").asBoolean(false);
      boolean isContents = Files.isDirectory(entry) && !name.endsWith(".toml");
      boolean keep = toml != null && (cache || (launch && !isContents));
      if (!keep) {
        Trees.delete(entry);
      }
    }
    for (Map.Entry<String, JsonNode> toml : tomls.entrySet()) {
      Path file = layers.resolve(toml.getKey() + ".toml");
      if (Files.exists(file)) {
        ((ObjectNode) toml.getValue()).remove("types");
        Files.writeString(file, TOML.writeValueAsString(toml.getValue()));
      }
    }
  }

  /**
   * The names of the layers whose {@code <layer>.toml} says {@code [types] launch = true}, sorted (the order the
   * launcher applies them in).
   */
  public static List<String> launchLayers(Path layers) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> tomls = Files.newDirectoryStream(layers, "*.toml")) {
      for (Path toml : tomls) {
        String name = toml.getFileName().toString();
        if (!List.of("launch.toml", "build.toml", "store.toml").contains(name)
            && TOML.readTree(Files.readString(toml)).path("types").path("launch").asBoolean(false)) {
          names.add(name.substring(0, name.length() - ".toml".length()));
        }
      }
    }
    names.sort(null);
    return names;
  }

  /**
   * Prepares {@code layers} as the lifecycle does when the build cache is gone (cleared, or its layers do not match
   * the image's): launch layers come back with their metadata from the image and no contents, every other layer
   * not at all; {@code [types]} removed.
   */
  public static void restoreWithoutCache(Path layers) throws IOException {
    List<String> launchLayers = launchLayers(layers);
    restoreForRebuild(layers);
    List<Path> entries;
    try (Stream<Path> list = Files.list(layers)) {
      entries = list.toList();
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      boolean launchMetadata = name.endsWith(".toml") && launchLayers.contains(name.substring(0, name.length() - 5));
      if (!launchMetadata) {
        Trees.delete(entry);
      }
    }
  }

  /**
   * Starts a process of {@code launch.toml} as the launcher does: the launch layers' {@code bin} on {@code PATH},
   * their {@code env/}, {@code env.launch/} and {@code env.launch/<type>/} files applied (layers in alphabetical
   * order), then their {@code exec.d} programs run in the app directory with file descriptor 3 captured and the
   * variables they print set, then the command (an argument array, no shell) started in the app directory.
   */
  public RunningProcess launch(Path app, Path layers, String type, Map<String, String> runtimeEnv, Path log)
      throws IOException, InterruptedException {
    List<String> command = processCommand(layers, type)
        .orElseThrow(() -> new IllegalArgumentException("no process " + type + " in launch.toml"));
    Map<String, String> env = launchEnvironment(app, layers, type, runtimeEnv);
    int port = env.containsKey("PORT") ? Integer.parseInt(env.get("PORT")) : 0;
    return RunningProcess.start(type, asUser(command), app, env, log, port);
  }

  /**
   * The argument vector of a process type in {@code launch.toml} ({@code command} then {@code args}), empty when
   * the type is not there.
   */
  public static Optional<List<String>> processCommand(Path layers, String type) throws IOException {
    JsonNode launchToml = TOML.readTree(Files.readString(layers.resolve("launch.toml")));
    for (JsonNode process : launchToml.path("processes")) {
      if (process.path("type").asText().equals(type)) {
        List<String> command = new ArrayList<>();
        for (JsonNode word : process.path("command")) {
          command.add(word.asText());
        }
        for (JsonNode word : process.path("args")) {
          command.add(word.asText());
        }
        return Optional.of(command);
      }
    }
    return Optional.empty();
  }

  /** The process types of {@code launch.toml} in file order, the default one (if any) first. */
  public static List<String> processTypes(Path layers) throws IOException {
    Path file = layers.resolve("launch.toml");
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> types = new ArrayList<>();
    for (JsonNode process : TOML.readTree(Files.readString(file)).path("processes")) {
      String type = process.path("type").asText();
      if (process.path("default").asBoolean(false)) {
        types.add(0, type);
      } else {
        types.add(type);
      }
    }
    return types;
  }

  /** The environment a process of {@code type} gets (env files and exec.d applied). */
  public Map<String, String> launchEnvironment(Path app, Path layers, String type, Map<String, String> runtimeEnv)
      throws IOException, InterruptedException {
    Map<String, String> env = baseEnv();
    env.putAll(runtimeEnv);
    List<Path> launchLayers = launchLayers(layers).stream().map(layers::resolve).toList();
    for (Path layer : launchLayers) {
      if (Files.isDirectory(layer.resolve("bin"))) {
        env.merge("PATH", layer.resolve("bin").toString(), (old, add) -> add + ":" + old);
      }
    }
    for (Path layer : launchLayers) {
      applyEnvDir(env, layer.resolve("env"));
      applyEnvDir(env, layer.resolve("env.launch"));
      applyEnvDir(env, layer.resolve("env.launch").resolve(type));
    }
    for (Path layer : launchLayers) {
      for (Path program : sortedFiles(layer.resolve("exec.d"))) {
        runExecD(app, program, env);
      }
      for (Path program : sortedFiles(layer.resolve("exec.d").resolve(type))) {
        runExecD(app, program, env);
      }
    }
    return env;
  }

  /**
   * One directory of env files, by the lifecycle's rules: the name up to the first {@code .} is the variable,
   * the suffix the operation ({@code override} also for no suffix, {@code default}, {@code prepend},
   * {@code append}); {@code NAME.delim} is the delimiter of prepend/append (none without it).
   */
  public static void applyEnvDir(Map<String, String> env, Path dir) throws IOException {
    List<Path> files = sortedFiles(dir);
    Map<String, String> delimiters = new TreeMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".delim")) {
        delimiters.put(name.substring(0, name.indexOf('.')), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      int dot = name.indexOf('.');
      String variable = dot < 0 ? name : name.substring(0, dot);
      String operation = dot < 0 ? "override" : name.substring(dot + 1);
      String value = Files.readString(file, StandardCharsets.UTF_8);
      String delimiter = delimiters.getOrDefault(variable, "");
      String old = env.get(variable);
      switch (operation) {
        case "override" -> env.put(variable, value);
        case "default" -> {
          if (old == null || old.isEmpty()) {
            env.put(variable, value);
          }
        }
        case "prepend" -> env.put(variable, old == null || old.isEmpty() ? value : value + delimiter + old);
        case "append" -> env.put(variable, old == null || old.isEmpty() ? value : old + delimiter + value);
        case "delim" -> { }
        default -> throw new IllegalStateException("unknown env file operation " + file);
      }
    }
  }

  private void runExecD(Path app, Path program, Map<String, String> env) throws IOException, InterruptedException {
    Path out = Files.createTempFile(home, "exec.d-", ".toml");
    handOver(out);
    List<String> command = asUser(List.of("/bin/sh", "-c", "exec \"$0\" 3>\"$1\"", program.toString(),
        out.toString()));
    PhaseResult run = runner.run("exec.d " + program.getFileName(), command, app, env);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("exec.d " + program + " failed (" + run.exitCode() + "): " + run.output());
    }
    JsonNode vars = TOML.readTree(Files.readString(out));
    vars.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    Files.delete(out);
  }

  private static List<Path> sortedFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
