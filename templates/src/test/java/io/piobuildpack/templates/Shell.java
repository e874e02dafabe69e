package io.piobuildpack.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Sources a script in {@code sh} (dash on Debian) with a clean environment and reads variables back exactly. */
public final class Shell {

  private Shell() {}

  /**
   * Sources {@code script} in {@code /bin/sh} with only {@code env} set, then prints each variable NUL-terminated.
   * Unset variables are missing from the result; the name {@code rc} reads the exit status of the {@code .}
   * command.
   */
  public static Map<String, String> sourceAndRead(Path script, Map<String, String> env, List<String> names)
      throws IOException, InterruptedException {
    return sourceAndRead("/bin/sh", script, env, names);
  }

  /** As {@link #sourceAndRead(Path, Map, List)} in the given shell, e.g. {@code /bin/bash} (Heroku's). */
  public static Map<String, String> sourceAndRead(String shell, Path script, Map<String, String> env,
      List<String> names) throws IOException, InterruptedException {
    StringBuilder reader = new StringBuilder(". \"$1\"; rc=$?; shift; for v in \"$@\"; do ")
        .append("eval \"if [ \\\"\\${$v+set}\\\" = set ]; then printf '%s=%s\\\\0' \\\"$v\\\" \\\"\\$$v\\\"; fi\"; done;")
        .append(" :");
    List<String> command = new ArrayList<>(List.of(shell, "-c", reader.toString(), "sh", script.toString()));
    command.addAll(names);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("sh did not finish");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : out.split("\0")) {
      if (!entry.isEmpty()) {
        int eq = entry.indexOf('=');
        values.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return values;
  }

  /** Writes text to a file in {@code dir} and returns it. */
  public static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
