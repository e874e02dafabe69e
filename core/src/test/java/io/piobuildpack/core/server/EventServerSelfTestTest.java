package io.piobuildpack.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import io.piobuildpack.testsupport.postgres.FreshPostgresDatabase;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The self-test against the production store, and the warm-up that runs while the command line is parsed. */
@FreshPostgresDatabase
class EventServerSelfTestTest {

  @Test
  void selfTestPassesOnPostgresqlAndDeletesItsApp(TestDatabase database) throws Exception {
    try (EventStore store = JdbcEventStore.open(StorageSettings.of(database.jdbcUrl(), null, null))) {
      EventServerSelfTest.Result result = new EventServerSelfTest(store).run();
      assertThat(result.requests()).isEqualTo(10);
      assertThat(store.apps().list()).isEmpty();
    }
  }

  @Test
  void warmUpStartsNoThreadAndLeavesNothingRunning() {
    Set<String> before = threadNames();
    EventServer.warmUp();
    assertThat(threadNames()).filteredOn(name -> !before.contains(name))
        .noneMatch(name -> name.startsWith("eventserver") || name.contains("Scheduler") || name.contains("pool"));
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .collect(Collectors.toSet());
  }
}
