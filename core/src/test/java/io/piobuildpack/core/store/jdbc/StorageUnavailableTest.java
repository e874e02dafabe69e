package io.piobuildpack.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.StorageUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StorageUnavailableTest {

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
        .hasMessageContaining("no_such_database_pio");
  }
}
