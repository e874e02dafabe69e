package io.piobuildpack.buildpack.install.resolve;

import io.piobuildpack.core.config.Environment;
import java.util.Locale;

/**
 * The target platform of a build, in the inventory's terms ({@code linux}; {@code amd64} or {@code arm64}): the CNB
 * platform's {@code CNB_TARGET_OS}/{@code CNB_TARGET_ARCH} when set
 * (https://github.com/buildpacks/spec/blob/main/buildpack.md), else the running JVM's {@code os.name}/
 * {@code os.arch} ({@code x86_64} → {@code amd64}, {@code aarch64} → {@code arm64}).
 *
 * @param os {@code linux} (or the lower-cased name of another OS, which the inventory does not serve)
 * @param arch {@code amd64}, {@code arm64}, or the JVM's name for another architecture
 */
public record Platform(String os, String arch) {

  /** The platform of this build. */
  public static Platform detect(Environment env) {
    String os = env.find("CNB_TARGET_OS").orElse(System.getProperty("os.name"));
    String arch = env.find("CNB_TARGET_ARCH").orElse(System.getProperty("os.arch"));
    return new Platform(os.toLowerCase(Locale.ROOT), normaliseArch(arch));
  }

  static String normaliseArch(String arch) {
    return switch (arch.toLowerCase(Locale.ROOT)) {
      case "x86_64", "amd64", "x64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch.toLowerCase(Locale.ROOT);
    };
  }
}
