package io.piobuildpack.core.config;

import java.util.Optional;

/**
 * Where data must outlive the process, the event store must be a database: on a Heroku dyno ({@code DYNO} is set,
 * see https://devcenter.heroku.com/articles/dyno-metadata) the file system is ephemeral, so a SQLite file there
 * is lost at the next restart
 * (https://devcenter.heroku.com/articles/dynos#ephemeral-filesystem), and {@code PIO_REQUIRE_DATABASE=true} asks
 * for the same anywhere. Every command that opens the
 * store applies this one rule; the release-phase {@code load-data} reports it as "retry later" instead.
 */
public final class DurableStorageRule {

  /** Set by Heroku on every dyno (web.1, release.1, run.1234, ...). */
  public static final String DYNO = "DYNO";
  /** {@code true}: require a database as on a dyno. */
  public static final String REQUIRE_DATABASE = "PIO_REQUIRE_DATABASE";

  private DurableStorageRule() {}

  /**
   * The variable that requires a database ({@code DYNO} or {@code PIO_REQUIRE_DATABASE=true}), if any.
   *
   * @throws InvalidVariableException when {@code PIO_REQUIRE_DATABASE} is neither true nor false
   */
  public static Optional<String> requiredBy(Environment env) {
    boolean requested = env.flag(REQUIRE_DATABASE, false); // read first: an invalid value fails even on a dyno
    if (env.find(DYNO).isPresent()) {
      return Optional.of(DYNO + "=" + env.get(DYNO));
    }
    return requested ? Optional.of(REQUIRE_DATABASE + "=true") : Optional.empty();
  }


  /** True when a database is required here. */
  public static boolean required(Environment env) {
    return requiredBy(env).isPresent();
  }

  /**
   * Refuses a SQLite store where a database is required.
   *
   * @throws StorageNotConfiguredException naming {@code DATABASE_URL} and the variable that requires it
   */
  public static void check(Environment env, StorageSettings settings) {
    Optional<String> requiredBy = requiredBy(env);
    if (requiredBy.isPresent() && settings.isEmbedded()) {
      String store = settings.sqliteFile().map(file -> "the SQLite file " + file).orElse("a SQLite store");
      throw new StorageNotConfiguredException("DATABASE_URL is required: " + requiredBy.get() + " means the data"
          + " must outlive this process, but the event store would be " + store + " (from " + settings.origin()
          + "), a local file (on a dyno it is lost at every restart). Nothing was done. Attach PostgreSQL"
          + " (heroku addons:create heroku-postgresql) or set DATABASE_URL.");
    }
  }
}
