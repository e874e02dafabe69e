package io.piobuildpack.templates.model;

import java.util.Objects;

/**
 * Model of the launchers {@code bin/heroku-buildpack-pio-release}, {@code -load-data}, {@code -train},
 * {@code -web} (rendered at build): each runs {@code bin/pio-data <command>}. PredictionIO itself then runs on the
 * app's JDK ({@code JAVA_HOME}/{@code PATH}), never on the toolkit's.
 *
 * @param command the {@code pio-data} command: {@code release}, {@code load-data}, {@code train} or {@code web}
 */
public record PioCommandLauncher(String command) {

  public PioCommandLauncher {
    Objects.requireNonNull(command, "command");
  }
}
