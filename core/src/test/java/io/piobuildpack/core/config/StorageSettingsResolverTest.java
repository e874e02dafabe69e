package io.piobuildpack.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageSettingsResolverTest {

  @TempDir
  Path workingDirectory;

  @Test
  void resolveWhenNothingIsConfiguredUsesEmbeddedSqliteUnderWorkingDirectory() {
    StorageSettings settings = resolve(Map.of(), StorageOptions.NONE);

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:" + workingDirectory.resolve(".pio_store/pio.db"));
    assertThat(settings.isEmbedded()).isTrue();
    assertThat(settings.metadataPrefix()).isEqualTo("pio_meta");
    assertThat(settings.eventDataPrefix()).isEqualTo("pio_event");
    assertThat(settings.indexEnabled()).isFalse();
    assertThat(settings.maxConnections()).isEqualTo(8);
  }

  @Test
  void resolveWhenDatabaseUrlIsSetRequiresSsl() {
    StorageSettings settings = resolve(Map.of("DATABASE_URL", "postgres://u:pw@db:5432/x"), StorageOptions.NONE);

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x?sslmode=require");
    assertThat(settings.username()).isEqualTo("u");
    assertThat(settings.password()).isEqualTo("pw");
    assertThat(settings.origin()).isEqualTo("DATABASE_URL");
  }

  @Test
  void resolveWhenOptionalSslIsTrueAddsNoSslmode() {
    StorageSettings settings = resolve(Map.of("DATABASE_URL", "postgres://u:pw@db/x",
        "PIO_POSTGRES_OPTIONAL_SSL", "true"), StorageOptions.NONE);

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db/x");
  }

  @Test
  void resolveWhenPioVariablesAreSetTheyWinOverDatabaseUrl() {
    StorageSettings settings = resolve(Map.of("DATABASE_URL", "postgres://u:pw@db/x",
        "PIO_STORAGE_SOURCES_PGSQL_URL", "jdbc:postgresql://pio-db/pio",
        "PIO_STORAGE_SOURCES_PGSQL_USERNAME", "pio", "PIO_STORAGE_SOURCES_PGSQL_PASSWORD", "piopw"),
        StorageOptions.NONE);

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://pio-db/pio");
    assertThat(settings.username()).isEqualTo("pio");
    assertThat(settings.password()).isEqualTo("piopw");
    assertThat(settings.origin()).isEqualTo("PIO_STORAGE_SOURCES_PGSQL_URL");
  }

  @Test
  void resolveWhenOptionsAreGivenTheyWinOverTheEnvironment() {
    StorageSettings settings = resolve(Map.of("DATABASE_URL", "postgres://u:pw@db/x",
        "PIO_STORAGE_SOURCES_PGSQL_URL", "jdbc:postgresql://pio-db/pio"),
        new StorageOptions("postgres://opt:optpw@other:7000/y", null, null));

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://other:7000/y?sslmode=require");
    assertThat(settings.username()).isEqualTo("opt");
  }

  @Test
  void resolveWhenRepositoryNamesAreSetUsesThemAsPrefixes() {
    StorageSettings settings = resolve(Map.of("PIO_STORAGE_REPOSITORIES_METADATA_NAME", "My_Meta",
        "PIO_STORAGE_REPOSITORIES_EVENTDATA_NAME", "events"), StorageOptions.NONE);

    assertThat(settings.metadataPrefix()).isEqualTo("my_meta");
    assertThat(settings.eventDataPrefix()).isEqualTo("events");
  }

  @Test
  void resolveWhenPrefixIsNotAnIdentifierThrowsNamingTheVariable() {
    assertThatThrownBy(() -> resolve(Map.of("PIO_STORAGE_REPOSITORIES_EVENTDATA_NAME", "x; DROP TABLE y"),
        StorageOptions.NONE))
        .isInstanceOfSatisfying(InvalidStorageSettingsException.class,
            e -> assertThat(e.setting()).isEqualTo("PIO_STORAGE_REPOSITORIES_EVENTDATA_NAME"));
  }

  @Test
  void resolveWhenIndexIsEnabledForTheEventSourceSelectsIndexedTables() {
    assertThat(resolve(Map.of("PIO_STORAGE_SOURCES_PGSQL_INDEX", "Enabled"), StorageOptions.NONE).indexEnabled())
        .isTrue();
    assertThat(resolve(Map.of("PIO_STORAGE_REPOSITORIES_EVENTDATA_SOURCE", "MYPG",
        "PIO_STORAGE_SOURCES_MYPG_INDEX", "enabled", "PIO_STORAGE_SOURCES_MYPG_CONNECTIONS", "3"),
        StorageOptions.NONE)).satisfies(settings -> {
          assertThat(settings.indexEnabled()).isTrue();
          assertThat(settings.maxConnections()).isEqualTo(3);
        });
    assertThat(resolve(Map.of("PIO_STORAGE_SOURCES_PGSQL_INDEX", "disabled"), StorageOptions.NONE).indexEnabled())
        .isFalse();
  }

  @Test
  void resolveWhenDatabaseUrlIsMalformedNeverShowsThePassword() {
    assertThatThrownBy(() -> resolve(Map.of("DATABASE_URL", "postgres://user:hunter2@db:port/x"),
        StorageOptions.NONE))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void resolveWhenUrlIsNeitherPostgresNorSqliteThrows() {
    assertThatThrownBy(() -> resolve(Map.of("PIO_STORAGE_SOURCES_PGSQL_URL", "jdbc:mysql://db/x"),
        StorageOptions.NONE)).isInstanceOf(InvalidStorageSettingsException.class);
  }

  @Test
  void describeAndToStringMaskThePassword() {
    StorageSettings fromDatabaseUrl = resolve(Map.of("DATABASE_URL", "postgres://u:hunter2@db/x"),
        StorageOptions.NONE);
    StorageSettings fromJdbcUrl = resolve(Map.of("PIO_STORAGE_SOURCES_PGSQL_URL",
        "jdbc:postgresql://db/x?user=u&password=hunter2&ssl=true"), StorageOptions.NONE);

    assertThat(fromDatabaseUrl.describe()).isEqualTo("jdbc:postgresql://db/x?sslmode=require as u (from DATABASE_URL)");
    assertThat(fromDatabaseUrl.toString()).doesNotContain("hunter2").contains("password=****");
    assertThat(fromJdbcUrl.describe()).doesNotContain("hunter2").contains("password=****&ssl=true");
    assertThat(fromJdbcUrl.toString()).doesNotContain("hunter2");
  }

  private StorageSettings resolve(Map<String, String> env, StorageOptions options) {
    return new StorageSettingsResolver(Environment.of(env), workingDirectory).resolve(options);
  }
}
