package io.piobuildpack.buildpack.detect;

import io.piobuildpack.core.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What kind of PredictionIO app a directory holds; the one detection rule of both front-ends (Heroku
 * {@code bin/detect}, CNB {@code bin/detect}).
 *
 * <p>The rule of the original buildpack (https://github.com/heroku/predictionio-buildpack): an app with an
 * {@code engine.json} in its root is an engine. {@code PIO_RUN_AS_EVENTSERVER=true} (an app config var, or a CNB
 * platform variable) makes any app an event-server-only app, with or without {@code engine.json}: it gets the
 * toolkit's event server and data hooks, but no PredictionIO, Spark or JDK 8.
 */
public enum AppKind {
  /** A PredictionIO engine: {@code engine.json} in the app root. */
  ENGINE("PredictionIO engine"),
  /** An event-server-only app: {@code PIO_RUN_AS_EVENTSERVER=true}. */
  EVENT_SERVER("PredictionIO event server");

  /** The file that marks an engine app. */
  public static final String ENGINE_JSON = "engine.json";
  /** The variable that marks an event-server-only app (the original buildpack's name). */
  public static final String RUN_AS_EVENTSERVER = "PIO_RUN_AS_EVENTSERVER";

  private final String displayName;

  AppKind(String displayName) {
    this.displayName = displayName;
  }

  /** Words for the build log, e.g. {@code PredictionIO engine}. */
  public String displayName() {
    return displayName;
  }

  /**
   * Detects the kind of app in {@code appDir}.
   *
   * @param env the app's variables (only {@value #RUN_AS_EVENTSERVER} is read)
   * @return empty when the app is neither an engine nor an event-server app
   * @throws io.piobuildpack.core.config.InvalidVariableException when {@value #RUN_AS_EVENTSERVER} is neither
   *     {@code true} nor {@code false}
   */
  public static Optional<AppKind> detect(Path appDir, Environment env) {
    if (env.flag(RUN_AS_EVENTSERVER, false)) {
      return Optional.of(EVENT_SERVER);
    }
    if (Files.isRegularFile(appDir.resolve(ENGINE_JSON))) {
      return Optional.of(ENGINE);
    }
    return Optional.empty();
  }
}
