package io.piobuildpack.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.store.jdbc.PostgresTestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code pio-data} contract on PostgreSQL, in a database created for this class. Each test gets an empty
 * schema of its own, selected by the {@code currentSchema} parameter of the URL passed with {@code --database-url},
 * so that app and channel ids start at 1 without dropping tables between tests.
 */
class PostgresPioDataCliTest extends PioDataCliContract {

  private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

  private static PostgresTestDatabase database;

  private String url;

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

  @BeforeEach
  void createEmptySchema() throws SQLException {
    String schema = "cli_test_" + TEST_NUMBER.incrementAndGet();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  String databaseUrl() {
    return url;
  }

  @Override
  String sourceLabel() {
    return "JDBC";
  }

  @Test
  void validateAndImportBothRejectUPlus0000WhichPostgresqlCannotStore() throws IOException {
    newApp("MyApp1", 42, "fixedKey42");
    Path file = write("nul.json", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u\\u00001\"}");
    String expected = file + ":1: entityId: contains the character U+0000, which PostgreSQL cannot store";

    CliRun validated = pio("validate", "--input", file.toString());
    CliRun imported = pio("import", "--app", "MyApp1", "--input", file.toString());

    assertExit(validated, 1);
    assertExit(imported, 1);
    assertThat(validated.errLines()).first().isEqualTo(expected);
    assertThat(imported.errLines()).first().isEqualTo(expected);
  }
}
