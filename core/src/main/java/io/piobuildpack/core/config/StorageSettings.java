package io.piobuildpack.core.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything needed to open the event store: the JDBC URL and credentials, where they came from, the table
 * prefixes of PredictionIO's repositories, whether the {@code INDEX=enabled} event-table variant is used, the
 * pool size and the zone in which {@code timestamp} columns hold wall-clock times (PredictionIO uses the JVM
 * default zone). {@link #toString()} and {@link #describe()} never show the password.
 */
public record StorageSettings(
    String jdbcUrl,
    String username,
    String password,
    String origin,
    String metadataPrefix,
    String eventDataPrefix,
    boolean indexEnabled,
    int maxConnections,
    ZoneId timestampZone) {

  public static final String DEFAULT_METADATA_PREFIX = "pio_meta";
  public static final String DEFAULT_EVENTDATA_PREFIX = "pio_event";
  public static final int DEFAULT_MAX_CONNECTIONS = 8;

  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

  public StorageSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(metadataPrefix, "metadataPrefix");
    Objects.requireNonNull(eventDataPrefix, "eventDataPrefix");
    Objects.requireNonNull(timestampZone, "timestampZone");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
  }

  /** Settings for a JDBC URL with PredictionIO's defaults for everything else. */
  public static StorageSettings of(String jdbcUrl, String username, String password) {
    return new StorageSettings(jdbcUrl, username, password, "options", DEFAULT_METADATA_PREFIX,
        DEFAULT_EVENTDATA_PREFIX, false, DEFAULT_MAX_CONNECTIONS, ZoneId.systemDefault());
  }

  /** True for the embedded SQLite store. */
  public boolean isEmbedded() {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }

  /**
   * The file of a SQLite store ({@code jdbc:sqlite:FILE[?params]}), absolute; empty for PostgreSQL, in-memory
   * ({@code :memory:}) and {@code file:} URI forms.
   */
  public Optional<Path> sqliteFile() {
    if (!isEmbedded()) {
      return Optional.empty();
    }
    String location = jdbcUrl.substring("jdbc:sqlite:".length());
    if (location.isEmpty() || location.startsWith(":") || location.startsWith("file:")) {
      return Optional.empty();
    }
    int query = location.indexOf('?');
    return Optional.of(Path.of(query < 0 ? location : location.substring(0, query)).toAbsolutePath().normalize());
  }

  public StorageSettings withPrefixes(String metadata, String eventData) {
    return new StorageSettings(jdbcUrl, username, password, origin, metadata, eventData, indexEnabled,
        maxConnections, timestampZone);
  }

  public StorageSettings withIndexEnabled(boolean enabled) {
    return new StorageSettings(jdbcUrl, username, password, origin, metadataPrefix, eventDataPrefix, enabled,
        maxConnections, timestampZone);
  }

  public StorageSettings withMaxConnections(int connections) {
    return new StorageSettings(jdbcUrl, username, password, origin, metadataPrefix, eventDataPrefix, indexEnabled,
        connections, timestampZone);
  }

  public StorageSettings withTimestampZone(ZoneId zone) {
    return new StorageSettings(jdbcUrl, username, password, origin, metadataPrefix, eventDataPrefix, indexEnabled,
        maxConnections, zone);
  }

  /** The JDBC URL with any {@code password=} parameter masked. */
  public String maskedJdbcUrl() {
    return PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1****");
  }

  /** One line for logs, e.g. {@code jdbc:postgresql://db:5432/x?sslmode=require as u (from DATABASE_URL)}. */
  public String describe() {
    return maskedJdbcUrl() + (username == null ? "" : " as " + username) + " (from " + origin + ")";
  }

  @Override
  public String toString() {
    return "StorageSettings[url=" + maskedJdbcUrl() + ", username=" + username + ", password="
        + (password == null ? "none" : "****") + ", origin=" + origin + ", metadataPrefix=" + metadataPrefix
        + ", eventDataPrefix=" + eventDataPrefix + ", indexEnabled=" + indexEnabled + ", maxConnections="
        + maxConnections + ", timestampZone=" + timestampZone + "]";
  }
}
