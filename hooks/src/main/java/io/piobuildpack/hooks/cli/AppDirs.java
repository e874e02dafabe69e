package io.piobuildpack.hooks.cli;

import io.piobuildpack.core.cli.CliContext;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Resolves an {@code --app-dir} against the command's working directory. */
final class AppDirs {

  private AppDirs() {}

  static Path resolve(CommandSpec spec, Path appDir) {
    return CliContext.of(spec).workingDirectory().resolve(appDir).normalize();
  }
}
