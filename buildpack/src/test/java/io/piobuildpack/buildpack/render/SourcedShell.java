package io.piobuildpack.buildpack.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Sources a file in {@code /bin/sh} with an empty environment and reads the named variables back exactly. */
public final class SourcedShell {

  private SourcedShell() {}

  public static Map<String, String> read(Path script, List<String> names) throws IOException, InterruptedException {
    String reader = ". \"$1\"; shift; for v in \"$@\"; do eval \"if [ \\\"\\${$v+set}\\\" = set ]; then"
        + " printf '%s=%s\\\\0' \\\"$v\\\" \\\"\\$$v\\\"; fi\"; done";
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", reader, "sh", script.toString()));
    command.addAll(names);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("sh did not finish");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : out.split("\0")) {
      if (!entry.isEmpty()) {
        values.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
      }
    }
    return values;
  }
}
