package io.piobuildpack.core.store.jdbc;

import io.piobuildpack.core.config.InvalidStorageSettingsException;
import java.time.ZoneId;

/** Chooses the dialect from the JDBC URL. */
final class Dialects {

  private Dialects() {}

  static Dialect forUrl(String jdbcUrl, ZoneId timestampZone) {
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect(timestampZone);
    }
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    throw new InvalidStorageSettingsException("storage URL",
        "unsupported database; use a jdbc:postgresql: or jdbc:sqlite: URL");
  }
}
