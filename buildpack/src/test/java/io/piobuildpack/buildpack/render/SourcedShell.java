package io.piobuildpack.buildpack.render;

import io.piobuildpack.testsupport.process.ChildProcess;
import io.piobuildpack.testsupport.process.CommandResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sources a file in {@code /bin/sh} with an empty environment and reads the named variables back exactly. */
public final class SourcedShell {

  private SourcedShell() {}

  public static Map<String, String> read(Path script, List<String> names) throws IOException, InterruptedException {
    String reader = ". \"$1\"; shift; for v in \"$@\"; do eval \"if [ \\\"\\${$v+set}\\\" = set ]; then"
        + " printf '%s=%s\\\\0' \\\"$v\\\" \\\"\\$$v\\\"; fi\"; done";
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", reader, "sh", script.toString()));
    command.addAll(names);
    CommandResult result = ChildProcess.of(command).clearEnvironment().env("PATH", "/usr/bin:/bin")
        .timeout(Duration.ofSeconds(30)).run();
    System.err.print(result.err());
    String out = result.out();
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : out.split("\0")) {
      if (!entry.isEmpty()) {
        values.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
      }
    }
    return values;
  }
}
