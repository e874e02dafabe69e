package io.piobuildpack.buildpack.cnb;

import io.piobuildpack.buildpack.detect.AppKind;
import io.piobuildpack.templates.model.LaunchProcess;
import io.piobuildpack.templates.model.LaunchToml;
import java.nio.file.Path;
import java.util.List;

/**
 * The processes of {@code launch.toml}: argument arrays, no shell (Buildpack API 0.9+,
 * https://github.com/buildpacks/spec/blob/buildpack/v0.10/buildpack.md#launchtoml-toml), absolute paths in the app
 * directory (the launcher's working directory is the same path in the image).
 *
 * <ul>
 *   <li>engine: {@code web} (the engine, {@code pio deploy}; default), {@code release}, {@code train},
 *       {@code load-data}, {@code eventserver};
 *   <li>event-server app: {@code eventserver} (default), {@code web} (the same server, for platforms that route
 *       {@code web}), {@code release} (loads data, never trains), {@code load-data}.
 * </ul>
 */
public final class CnbProcesses {

  private CnbProcesses() {}

  /** The processes for a kind of app built in {@code appDir}. */
  public static LaunchToml of(AppKind kind, Path appDir) {
    String pioData = appDir.resolve("bin/pio-data").toString();
    if (kind == AppKind.EVENT_SERVER) {
      return new LaunchToml(List.of(
          process("eventserver", List.of(pioData, "eventserver"), true),
          process("web", List.of(pioData, "eventserver"), false),
          launcher(appDir, "release"),
          launcher(appDir, "load-data")));
    }
    return new LaunchToml(List.of(
        process("web", List.of(appDir.resolve("bin/heroku-buildpack-pio-web").toString()), true),
        launcher(appDir, "release"),
        launcher(appDir, "train"),
        launcher(appDir, "load-data"),
        process("eventserver", List.of(pioData, "eventserver"), false)));
  }

  private static LaunchProcess launcher(Path appDir, String command) {
    return process(command, List.of(appDir.resolve("bin/heroku-buildpack-pio-" + command).toString()), false);
  }

  private static LaunchProcess process(String type, List<String> command, boolean defaultProcess) {
    return new LaunchProcess(type, command, List.of(), defaultProcess);
  }
}
