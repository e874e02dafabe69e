package io.piobuildpack.hooks.data;

import io.piobuildpack.core.config.DurableStorageRule;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.InvalidVariableException;
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
  /** The purge flag the original buildpack's data-flow documentation names. */
  public static final String PURGE_ON_SYNC = "PIO_PURGE_ON_SYNC";
  /** The purge flag the original load-data script actually read. */
  public static final String PURGE_EVENTS_ON_SYNC = "PIO_PURGE_EVENTS_ON_SYNC";
  public static final String REQUIRE_DATABASE = DurableStorageRule.REQUIRE_DATABASE;
  public static final String DATABASE_WAIT = "PIO_DATABASE_WAIT";
  public static final String HOOK_TIMEOUT = "PIO_HOOK_TIMEOUT";

  static final Duration DEFAULT_DATABASE_WAIT = Duration.ofSeconds(60);
  static final Duration DEFAULT_HOOK_TIMEOUT = Duration.ofMinutes(30);

  /**
   * Reads and checks every setting, before any work starts.
   *
   * @throws InvalidSettingException when a duration variable is not a whole number of seconds, or a flag
   *     ({@code PIO_PURGE_ON_SYNC}, {@code PIO_PURGE_EVENTS_ON_SYNC}, {@code PIO_REQUIRE_DATABASE}) is neither
   *     {@code true} nor {@code false}; names the variable
   */
  public static LoadDataSettings from(Environment env) {
    try {
      boolean purgeOnSync = env.flag(PURGE_ON_SYNC, false);
      boolean purgeEventsOnSync = env.flag(PURGE_EVENTS_ON_SYNC, false);
      Optional<String> purge = purgeOnSync ? Optional.of(PURGE_ON_SYNC)
          : purgeEventsOnSync ? Optional.of(PURGE_EVENTS_ON_SYNC) : Optional.empty();
      boolean required = DurableStorageRule.required(env);
      return new LoadDataSettings(env.find(APP_NAME), env.find(ACCESS_KEY), purge, required,
          env.seconds(DATABASE_WAIT, DEFAULT_DATABASE_WAIT), env.seconds(HOOK_TIMEOUT, DEFAULT_HOOK_TIMEOUT));
    } catch (InvalidVariableException e) {
      throw new InvalidSettingException(e.variable(), e.problem());
    }
  }

  @Override
  public String toString() {
    return "LoadDataSettings[appName=" + appName + ", accessKey=" + accessKey.map(key -> "****") + ", purgeVariable="
        + purgeVariable + ", databaseRequired=" + databaseRequired + ", databaseWait=" + databaseWait
        + ", hookTimeout=" + hookTimeout + "]";
  }
}
