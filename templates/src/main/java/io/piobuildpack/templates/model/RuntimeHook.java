package io.piobuildpack.templates.model;

import java.util.Objects;

/**
 * Model of {@code .profile.d/pio-runtime.sh} (rendered at build): at every dyno start it runs
 * {@code pio-data runtime-config}, which renders the run-time files and writes the variables to export into
 * {@code envFile}, then sources that file. Paths are relative to the app directory ({@code $HOME} on a dyno).
 *
 * @param pioData the {@code pio-data} launcher, e.g. {@code bin/pio-data}
 * @param envFile the file of {@code export} lines it writes, e.g. {@code .pio-buildpack/run/env.sh}
 */
public record RuntimeHook(String pioData, String envFile) {

  public RuntimeHook {
    Objects.requireNonNull(pioData, "pioData");
    Objects.requireNonNull(envFile, "envFile");
  }
}
