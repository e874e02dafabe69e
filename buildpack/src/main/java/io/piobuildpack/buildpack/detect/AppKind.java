package io.piobuildpack.buildpack.detect;

import io.piobuildpack.core.config.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What kind of PredictionIO app a directory holds; the one detection rule of both front-ends (Heroku
 * {@code bin/detect}, CNB {@code bin/detect}).
 *
 * <p>The rule of the original buildpack (https://github.com/heroku/predictionio-buildpack): an app with an
 * {@code engine.json} in its root is an engine. {@code PIO_RUN_AS_EVENTSERVER=true} (an app config var, or a CNB
 * platform variable) makes any app an event-server-only app, with or without {@code engine.json}: it gets the
 * toolkit's event server and data hooks, but no PredictionIO, Spark or JDK 8. An app without {@code engine.json}
 * that has another PredictionIO marker of the Heroku detect ({@link #EVENT_SERVER_MARKERS}, a {@code Procfile}
 * running a launcher or the event server, {@code PIO_RUN_AS_EVENTSERVER} in {@code app.json}) is an event-server
 * app too: there is no engine to train. {@code bin/support/cnb-detect} applies the same rule in POSIX sh.
 */
public enum AppKind {
  /** A PredictionIO engine: {@code engine.json} in the app root. */
  ENGINE("PredictionIO engine"),
  /** An event-server-only app: {@code PIO_RUN_AS_EVENTSERVER=true}. */
  EVENT_SERVER("PredictionIO event server");

  /** The file that marks an engine app. */
  public static final String ENGINE_JSON = "engine.json";
  /** Files that mark a PredictionIO app without an engine (the Heroku detect's list). */
  public static final List<String> EVENT_SERVER_MARKERS = List.of("template.json", "data/initial-events.json",
      "data/create-initial-events", "data/create-sync-events");

  private static final Pattern PROCFILE_MARKER = Pattern.compile("heroku-buildpack-pio-|bin/pio-data|pio eventserver");

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
    for (String marker : EVENT_SERVER_MARKERS) {
      if (Files.isRegularFile(appDir.resolve(marker))) {
        return Optional.of(EVENT_SERVER);
      }
    }
    if (contains(appDir.resolve("Procfile"), PROCFILE_MARKER)
        || contains(appDir.resolve("app.json"), Pattern.compile(Pattern.quote("\"" + RUN_AS_EVENTSERVER + "\"")))) {
      return Optional.of(EVENT_SERVER);
    }
    return Optional.empty();
  }

  private static boolean contains(Path file, Pattern pattern) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      return pattern.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      return false; // unreadable or not UTF-8: not a marker
    }
  }
}
