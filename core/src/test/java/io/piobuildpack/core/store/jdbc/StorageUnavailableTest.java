package io.piobuildpack.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageUnavailableTest {

  /** PostgreSQL's SQLSTATE for "database does not exist". */
  private static final String INVALID_CATALOG_NAME = "3D000";

  @Test
  void openWhenNothingListensThrowsStorageUnavailableWithoutPassword() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    StorageSettings settings = StorageSettings.of("jdbc:postgresql://127.0.0.1:" + port + "/x?connectTimeout=2",
        "user", "hunter2");

    assertThatThrownBy(() -> JdbcEventStore.open(settings))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("PostgreSQL database at jdbc:postgresql://127.0.0.1:" + port)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void openWhenDatabaseDoesNotExistThrowsStorageUnavailable() {
    StorageSettings settings = StorageSettings.of(PostgresTestDatabase.urlOf("no_such_database_pio"), null, null);

    assertThatThrownBy(() -> JdbcEventStore.open(settings)).isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("no_such_database_pio")
        .satisfies(e -> assertThat(sqlStates(e)).as("SQLSTATEs of the causes").contains(INVALID_CATALOG_NAME));
  }

  /** The SQLSTATE of every {@link SQLException} in the cause chain. */
  private static List<String> sqlStates(Throwable failure) {
    List<String> states = new ArrayList<>();
    for (Throwable e = failure; e != null && e.getCause() != e; e = e.getCause()) {
      if (e instanceof SQLException sql) {
        states.add(sql.getSQLState());
      }
    }
    return states;
  }
}
