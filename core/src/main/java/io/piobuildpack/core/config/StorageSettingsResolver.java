package io.piobuildpack.core.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves the storage settings, first match wins:
 *
 * <ol>
 *   <li>explicit options (a JDBC or {@code postgres://} URL, user, password);
 *   <li>PredictionIO's variables {@code PIO_STORAGE_SOURCES_<SRC>_URL}, {@code _USERNAME}, {@code _PASSWORD}, where
 *       {@code <SRC>} is {@code PIO_STORAGE_REPOSITORIES_EVENTDATA_SOURCE} (default {@code PGSQL});
 *   <li>{@code DATABASE_URL} ({@code postgres://...}; {@code sslmode=require} is added unless
 *       {@code PIO_POSTGRES_OPTIONAL_SSL=true} or the URL sets {@code sslmode});
 *   <li>the embedded SQLite file {@code .pio_store/pio.db} under the working directory.
 * </ol>
 *
 * <p>Table prefixes come from {@code PIO_STORAGE_REPOSITORIES_METADATA_NAME} and {@code _EVENTDATA_NAME}
 * (defaults {@code pio_meta}, {@code pio_event}); {@code PIO_STORAGE_SOURCES_<SRC>_INDEX=enabled} selects the
 * indexed event table; {@code PIO_STORAGE_SOURCES_<SRC>_CONNECTIONS} sizes the pool (default 8).
 */
public final class StorageSettingsResolver {

  public static final String DATABASE_URL = "DATABASE_URL";
  public static final String OPTIONAL_SSL = "PIO_POSTGRES_OPTIONAL_SSL";
  public static final String METADATA_NAME = "PIO_STORAGE_REPOSITORIES_METADATA_NAME";
  public static final String EVENTDATA_NAME = "PIO_STORAGE_REPOSITORIES_EVENTDATA_NAME";
  public static final String EVENTDATA_SOURCE = "PIO_STORAGE_REPOSITORIES_EVENTDATA_SOURCE";
  /** The {@link StorageSettings#origin()} of the embedded store used when nothing is configured. */
  public static final String EMBEDDED_ORIGIN = "embedded SQLite default";
  /** The embedded store's file, relative to the working directory. */
  public static final Path EMBEDDED_FILE = Path.of(".pio_store", "pio.db");

  private static final String DEFAULT_SOURCE = "PGSQL";
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9]+");

  private final Environment env;
  private final Path workingDirectory;

  public StorageSettingsResolver(Environment env, Path workingDirectory) {
    this.env = env;
    this.workingDirectory = workingDirectory;
  }

  /**
   * Resolves the settings.
   *
   * @throws InvalidStorageSettingsException naming the variable at fault (never showing a password)
   */
  public StorageSettings resolve(StorageOptions options) {
    String source = env.find(EVENTDATA_SOURCE).orElse(DEFAULT_SOURCE).toUpperCase(Locale.ROOT);
    if (!SOURCE.matcher(source).matches()) {
      throw new InvalidStorageSettingsException(EVENTDATA_SOURCE, "must be a source name such as PGSQL");
    }
    String sourcePrefix = "PIO_STORAGE_SOURCES_" + source + "_";
    StorageSettings connection = connection(options, sourcePrefix);
    boolean indexed = env.find(sourcePrefix + "INDEX").map(v -> v.equalsIgnoreCase("enabled")).orElse(false);
    return new StorageSettings(connection.jdbcUrl(), connection.username(), connection.password(),
        connection.origin(), prefix(METADATA_NAME, StorageSettings.DEFAULT_METADATA_PREFIX),
        prefix(EVENTDATA_NAME, StorageSettings.DEFAULT_EVENTDATA_PREFIX), indexed,
        connections(sourcePrefix + "CONNECTIONS"), ZoneId.systemDefault());
  }

  private StorageSettings connection(StorageOptions options, String sourcePrefix) {
    if (options.hasUrl()) {
      return fromUrl("--database-url", options.url().trim(), options.username(), options.password());
    }
    String urlVariable = sourcePrefix + "URL";
    if (env.find(urlVariable).isPresent()) {
      return fromUrl(urlVariable, env.find(urlVariable).get(),
          firstNonNull(options.username(), env.get(sourcePrefix + "USERNAME")),
          firstNonNull(options.password(), env.get(sourcePrefix + "PASSWORD")));
    }
    if (env.find(DATABASE_URL).isPresent()) {
      return fromUrl(DATABASE_URL, env.find(DATABASE_URL).get(), options.username(), options.password());
    }
    String url = "jdbc:sqlite:" + workingDirectory.resolve(EMBEDDED_FILE).toAbsolutePath().normalize();
    return connectionOnly(url, null, null, EMBEDDED_ORIGIN);
  }

  private StorageSettings fromUrl(String setting, String url, String username, String password) {
    if (url.startsWith("jdbc:")) {
      if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:sqlite:")) {
        throw new InvalidStorageSettingsException(setting,
            "only jdbc:postgresql: and jdbc:sqlite: URLs are supported");
      }
      return connectionOnly(url, username, password, setting);
    }
    boolean optionalSsl = env.find(OPTIONAL_SSL).map(v -> v.equalsIgnoreCase("true")).orElse(false);
    DatabaseUrl parsed = DatabaseUrl.parse(setting, url, optionalSsl);
    return connectionOnly(parsed.jdbcUrl(), firstNonNull(username, parsed.username()),
        firstNonNull(password, parsed.password()), setting);
  }

  private static StorageSettings connectionOnly(String url, String username, String password, String origin) {
    return new StorageSettings(url, username, password, origin, StorageSettings.DEFAULT_METADATA_PREFIX,
        StorageSettings.DEFAULT_EVENTDATA_PREFIX, false, StorageSettings.DEFAULT_MAX_CONNECTIONS,
        ZoneId.systemDefault());
  }

  private String prefix(String variable, String defaultValue) {
    String value = env.find(variable).orElse(defaultValue);
    if (!PREFIX.matcher(value).matches()) {
      throw new InvalidStorageSettingsException(variable,
          "must be a table-name prefix of letters, digits and '_' (at most 40), not starting with a digit");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private int connections(String variable) {
    String value = env.find(variable).orElse(null);
    if (value == null) {
      return StorageSettings.DEFAULT_MAX_CONNECTIONS;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1 && parsed <= 1000) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidStorageSettingsException(variable, "must be a whole number from 1 to 1000");
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
