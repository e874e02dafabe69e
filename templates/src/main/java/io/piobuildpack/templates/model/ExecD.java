package io.piobuildpack.templates.model;

import java.util.Objects;

/**
 * Model of the CNB {@code exec.d} program (rendered at build): the launcher runs it before every process and
 * reads the variables it writes as TOML to file descriptor 3
 * (<a href="https://github.com/buildpacks/spec/blob/main/buildpack.md#execd">Buildpack API, exec.d</a>).
 *
 * @param pioData the absolute path of the {@code pio-data} launcher in the image
 * @param appDir the absolute app directory in the image (e.g. {@code /workspace})
 */
public record ExecD(String pioData, String appDir) {

  public ExecD {
    Objects.requireNonNull(pioData, "pioData");
    Objects.requireNonNull(appDir, "appDir");
  }
}
