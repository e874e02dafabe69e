package io.piobuildpack.templates.model;

import java.util.Objects;

/**
 * Model of {@code bin/pio-data} (rendered at build): runs the toolkit jar on the toolkit's Java (17 or newer),
 * which is not necessarily the app's JDK. Paths are relative to the app directory, found from the script's own
 * location at run time.
 *
 * @param java the toolkit's {@code java}, e.g. {@code .pio-buildpack/jre/bin/java} or {@code .jdk/bin/java}
 * @param jar the toolkit jar, e.g. {@code .pio-buildpack/lib/pio-data.jar}
 */
public record PioDataLauncher(String java, String jar) {

  public PioDataLauncher {
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(jar, "jar");
  }
}
