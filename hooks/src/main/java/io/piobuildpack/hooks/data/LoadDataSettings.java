package io.piobuildpack.hooks.data;

import io.piobuildpack.core.config.DurableStorageRule;
import io.piobuildpack.core.config.Environment;
import java.time.Duration;
import java.util.Optional;

/**
 * The configuration of the data hooks, read once from the environment: the original buildpack's variables and
 * the toolkit's new ones (all documented in the README).
 */
public record LoadDataSettings(
    Optional<String> appName,
    Optional<String> accessKey,
    Optional<String> purgeVariable,
    boolean databaseRequired,
    Duration databaseWait,
    Duration hookTimeout) {

  public static final String APP_NAME = "PIO_EVENTSERVER_APP_NAME";
  public static final String ACCESS_KEY = "PIO_EVENTSERVER_ACCESS_KEY";
  /** The purge flag DATA.md documents. */
  public static final String PURGE_ON_SYNC = "PIO_PURGE_ON_SYNC";
  /** The purge flag the original load-data script actually read. */
  public static final String PURGE_EVENTS_ON_SYNC = "PIO_PURGE_EVENTS_ON_SYNC";
  public static final String REQUIRE_DATABASE = DurableStorageRule.REQUIRE_DATABASE;
  public static final String DATABASE_WAIT = "PIO_DATABASE_WAIT";
  public static final String HOOK_TIMEOUT = "PIO_HOOK_TIMEOUT";

  static final Duration DEFAULT_DATABASE_WAIT = Duration.ofSeconds(60);
  static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofMinutes(30);

  /**
   * Reads the settings.
   *
   * @throws InvalidSettingException when a duration variable is not a whole number of seconds
   */
  public static LoadDataSettings from(Environment env) {
    Optional<String> purge = env.find(PURGE_ON_SYNC).filter("true"::equals).map(v -> PURGE_ON_SYNC)
        .or(() -> env.find(PURGE_EVENTS_ON_SYNC).filter("true"::equals).map(v -> PURGE_EVENTS_ON_SYNC));
    boolean required = DurableStorageRule.required(env);
    return new LoadDataSettings(env.find(APP_NAME), env.find(ACCESS_KEY), purge, required,
        seconds(env, DATABASE_WAIT, DEFAULT_DATABASE_WAIT), seconds(env, HOOK_TIMEOUT, DEFAULT_HOOK_TIMEOUT));
  }

  private static Duration seconds(Environment env, String name, Duration fallback) {
    Optional<String> value = env.find(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long seconds = Long.parseLong(value.get());
      if (seconds < 0) {
        throw new InvalidSettingException(name, "must not be negative");
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(name, "must be a whole number of seconds, not '" + value.get() + "'");
    }
  }
}
