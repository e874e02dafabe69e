package io.piobuildpack.templates.model;

import java.util.Objects;

/**
 * Model of {@code .profile.d/pio-path.sh} (rendered at build): puts PredictionIO's {@code bin} and {@code sbt} on
 * {@code PATH}.
 *
 * @param pioHome PredictionIO's directory relative to the app directory ({@code $HOME} on a dyno), e.g.
 *     {@code PredictionIO-dist}
 */
public record PioPath(String pioHome) {

  public PioPath {
    Objects.requireNonNull(pioHome, "pioHome");
  }
}
