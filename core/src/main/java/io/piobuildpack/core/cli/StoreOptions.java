package io.piobuildpack.core.cli;

import io.piobuildpack.core.config.StorageOptions;
import picocli.CommandLine.Option;

/** The storage option every data command takes. */
public final class StoreOptions {

  @Option(names = "--database-url", paramLabel = "URL",
      description = {"Event store to use: a JDBC URL (jdbc:postgresql://..., jdbc:sqlite:FILE) or a"
          + " postgres://user:pass@host:port/db URL.",
          "Default: PIO_STORAGE_SOURCES_PGSQL_URL (+ _USERNAME, _PASSWORD), else DATABASE_URL, else the"
              + " embedded SQLite store .pio_store/pio.db in the working directory."})
  String databaseUrl;

  public StorageOptions toStorageOptions() {
    return new StorageOptions(databaseUrl, null, null);
  }
}
