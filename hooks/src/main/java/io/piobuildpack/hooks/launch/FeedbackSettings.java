package io.piobuildpack.hooks.launch;

import io.piobuildpack.core.config.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code pio deploy --feedback} sends feedback events: {@code PIO_EVENTSERVER_HOSTNAME},
 * {@code PIO_EVENTSERVER_PORT} (443) and the key {@code PIO_EVENTSERVER_ACCESS_KEY}, which {@link #toString()}
 * never shows.
 */
public record FeedbackSettings(String eventServerHost, String eventServerPort, String accessKey) {

  /** {@code true} turns feedback on. */
  public static final String ENABLE_FEEDBACK = "PIO_ENABLE_FEEDBACK";
  public static final String EVENTSERVER_HOSTNAME = "PIO_EVENTSERVER_HOSTNAME";
  public static final String EVENTSERVER_PORT = "PIO_EVENTSERVER_PORT";
  public static final String EVENTSERVER_ACCESS_KEY = "PIO_EVENTSERVER_ACCESS_KEY";

  private static final String DEFAULT_EVENTSERVER_PORT = "443";

  /**
   * The feedback target when {@code PIO_ENABLE_FEEDBACK=true}, else empty.
   *
   * @throws io.piobuildpack.core.config.InvalidVariableException when {@code PIO_ENABLE_FEEDBACK} is not a flag
   * @throws MissingSettingsException listing {@code NAME=(missing)} for each missing variable, as the original
   */
  public static Optional<FeedbackSettings> from(Environment env) {
    if (!env.flag(ENABLE_FEEDBACK, false)) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    Optional<String> host = required(env, EVENTSERVER_HOSTNAME, missing);
    Optional<String> key = required(env, EVENTSERVER_ACCESS_KEY, missing);
    if (!missing.isEmpty()) {
      throw MissingSettingsException.forFeature("PredictionIO feedback", missing);
    }
    return Optional.of(new FeedbackSettings(host.orElseThrow(),
        env.find(EVENTSERVER_PORT).orElse(DEFAULT_EVENTSERVER_PORT), key.orElseThrow()));
  }

  private static Optional<String> required(Environment env, String name, List<String> missing) {
    Optional<String> value = env.find(name);
    if (value.isEmpty()) {
      missing.add(name);
    }
    return value;
  }

  @Override
  public String toString() {
    return "FeedbackSettings[eventServerHost=" + eventServerHost + ", eventServerPort=" + eventServerPort
        + ", accessKey=****]";
  }
}
