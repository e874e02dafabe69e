package io.piobuildpack.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.piobuildpack.core.config.StorageSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;

/**
 * The PostgreSQL pool sends JDBC batches as multi-row INSERTs (pgjdbc's {@code reWriteBatchedInserts},
 * https://jdbc.postgresql.org/documentation/use/#connection-parameters), and a parameter of that name on the
 * database URL still wins. Checked on connections to the real PostgreSQL.
 */
class PostgresBatchRewriteTest {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresTestDatabase.create();
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void poolConnectionsRewriteBatchedInsertsIntoMultiRowInserts() throws SQLException {
    assertThat(rewrites(database.jdbcUrl())).isTrue();
  }

  @Test
  void aReWriteBatchedInsertsParameterOnTheDatabaseUrlWins() throws SQLException {
    assertThat(rewrites(database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?")
        + "reWriteBatchedInserts=false")).isFalse();
  }

  private static boolean rewrites(String url) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(1);
    new PostgresDialect(ZoneOffset.UTC).configure(config, StorageSettings.of(url, null, null));
    try (HikariDataSource pool = new HikariDataSource(config); Connection connection = pool.getConnection()) {
      return connection.unwrap(PgConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled();
    }
  }
}
