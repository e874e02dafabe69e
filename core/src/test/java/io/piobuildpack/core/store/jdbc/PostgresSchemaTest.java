package io.piobuildpack.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.testsupport.postgres.FreshPostgresDatabase;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test: the tables created on PostgreSQL equal PredictionIO's (its JDBC backend,
 * https://github.com/apache/predictionio/tree/v0.14.0/storage/jdbc/src/main/scala/org/apache/predictionio/data/storage/jdbc),
 * as information_schema and pg_indexes report them, with default names ({@code pio_meta}, {@code pio_event}).
 */
@FreshPostgresDatabase
class PostgresSchemaTest {

  private static final List<String> EVENT_COLUMNS = List.of(
      "id character varying(32) NOT NULL",
      "event text NOT NULL",
      "entitytype text NOT NULL",
      "entityid text NOT NULL",
      "targetentitytype text NULL",
      "targetentityid text NULL",
      "properties text NULL",
      "eventtime timestamp without time zone NULL DEFAULT CURRENT_TIMESTAMP",
      "eventtimezone character varying(50) NOT NULL",
      "tags text NULL",
      "prid text NULL",
      "creationtime timestamp without time zone NULL DEFAULT CURRENT_TIMESTAMP",
      "creationtimezone character varying(50) NOT NULL");

  private static TestDatabase database;

  @BeforeAll
  static void createTables(TestDatabase fresh) {
    database = fresh;
    StorageSettings settings = StorageSettings.of(database.jdbcUrl(), null, null);
    try (JdbcEventStore plain = JdbcEventStore.open(settings)) {
      plain.apps().create(NewApp.named("plain"));
    }
    try (JdbcEventStore indexed = JdbcEventStore.open(settings.withIndexEnabled(true))) {
      indexed.apps().create(NewApp.named("indexed"));
    }
  }


  @Test
  void appsTableMatchesPredictionIo() throws SQLException {
    assertThat(columns("pio_meta_apps")).containsExactly(
        "id integer NOT NULL DEFAULT nextval('pio_meta_apps_id_seq'::regclass)",
        "name text NOT NULL",
        "description text NULL");
  }

  @Test
  void accessKeysTableMatchesPredictionIo() throws SQLException {
    assertThat(columns("pio_meta_accesskeys")).containsExactly(
        "accesskey character varying(64) NOT NULL",
        "appid integer NOT NULL",
        "events text NULL");
  }

  @Test
  void channelsTableMatchesPredictionIo() throws SQLException {
    assertThat(columns("pio_meta_channels")).containsExactly(
        "id integer NOT NULL DEFAULT nextval('pio_meta_channels_id_seq'::regclass)",
        "name text NOT NULL",
        "appid integer NOT NULL");
  }

  @Test
  void eventTableMatchesPredictionIo() throws SQLException {
    assertThat(columns("pio_event_1")).containsExactlyElementsOf(EVENT_COLUMNS);
    assertThat(indexes("pio_event_1")).containsExactly("pio_event_1_pkey");
  }

  @Test
  void indexedEventTableMatchesPredictionIo() throws SQLException {
    List<String> expected = new ArrayList<>(EVENT_COLUMNS);
    for (int i = 1; i <= 3; i++) {
      expected.set(i, expected.get(i).replace(" text ", " character varying(255) "));
    }

    assertThat(columns("pio_event_2")).containsExactlyElementsOf(expected);
    assertThat(indexes("pio_event_2")).containsExactly("idx_pio_event_2_ei", "idx_pio_event_2_et", "pio_event_2_pkey");
  }

  @Test
  void onlyConstraintsArePrimaryKeysNamedAfterTheirTables() throws SQLException {
    assertThat(strings("SELECT table_name || ' ' || constraint_name || ' ' || constraint_type "
        + "FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type <> 'CHECK' "
        + "ORDER BY table_name")).containsExactly(
            "pio_event_1 pio_event_1_pkey PRIMARY KEY",
            "pio_event_2 pio_event_2_pkey PRIMARY KEY",
            "pio_meta_accesskeys pio_meta_accesskeys_pkey PRIMARY KEY",
            "pio_meta_apps pio_meta_apps_pkey PRIMARY KEY",
            "pio_meta_channels pio_meta_channels_pkey PRIMARY KEY");
  }

  private static List<String> columns(String table) throws SQLException {
    return strings("SELECT column_name || ' ' || "
        + "CASE WHEN character_maximum_length IS NULL THEN data_type "
        + "ELSE data_type || '(' || character_maximum_length || ')' END || "
        + "CASE WHEN is_nullable = 'YES' THEN ' NULL' ELSE ' NOT NULL' END || "
        + "COALESCE(' DEFAULT ' || column_default, '') "
        + "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? "
        + "ORDER BY ordinal_position", table);
  }

  private static List<String> indexes(String table) throws SQLException {
    return strings("SELECT indexname FROM pg_indexes WHERE tablename = ? ORDER BY indexname", table);
  }

  private static List<String> strings(String sql, String... parameters) throws SQLException {
    try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
