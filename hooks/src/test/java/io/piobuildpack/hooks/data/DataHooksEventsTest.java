package io.piobuildpack.hooks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.output.RecordingLog;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.StorageUnavailableException;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data flow's report as events, recorded: what happened, in order, with no text involved. Runs on an
 * embedded SQLite store in a temporary directory.
 */
class DataHooksEventsTest {

  private static final String EVENT = "{\"eventId\":\"e%031d\",\"event\":\"$set\",\"entityType\":\"user\","
      + "\"entityId\":\"%d\",\"eventTime\":\"2017-04-14T18:12:20Z\"}\n";

  @TempDir
  Path appDir;

  @TempDir
  Path storeDir;

  private final RecordingLog recording = new RecordingLog();

  private StorageSettings storage() {
    return StorageSettings.of("jdbc:sqlite:" + storeDir.resolve("pio.db"), null, null);
  }

  private static LoadDataSettings settings(Optional<String> purge) {
    return new LoadDataSettings(Optional.of("shop"), Optional.of("key-of-shop"), purge, false, Duration.ofSeconds(1),
        Duration.ofMinutes(1));
  }

  private void run(LoadDataSettings settings, Supplier<EventStore> opener, DatabaseWait wait) {
    new DataHooks(new HookFiles(appDir), Map.of("PATH", "/usr/bin:/bin"), settings, storage(), opener,
        recording.log(), wait).run();
  }

  private void run(LoadDataSettings settings) {
    StorageSettings storage = storage();
    run(settings, () -> JdbcEventStore.open(storage), new DatabaseWait(recording.log(), pause -> {}));
  }

  private void script(String name, String body) throws IOException {
    Path file = appDir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String events(int first, int n) {
    StringBuilder lines = new StringBuilder();
    for (int i = first; i < first + n; i++) {
      lines.append(String.format(EVENT, i, i));
    }
    return lines.toString();
  }

  @Test
  void noHookFilesIsOneEventAndNoDatabase() {
    run(settings(Optional.empty()), () -> {
      throw new AssertionError("the store must not be opened");
    }, new DatabaseWait(recording.log(), pause -> {}));

    assertThat(recording.events()).containsExactly(
        "noDataHooks([data/initial-events.json, data/create-initial-events, data/create-sync-events])");
  }

  @Test
  void initialLoadWithAHookThenASyncWithPurgeAreReportedStepByStep() throws IOException {
    script("data/create-initial-events", "echo fetched\ncat > data/initial-events.json <<'EOF'\n" + events(1, 3)
        + "EOF\n");
    run(settings(Optional.empty()));

    assertThat(recording.names()).containsExactly("usingEventStore", "creatingApp", "appCreated", "hookStarted",
        "hookOutput", "importing", "imported", "initialLoadCompleted");
    assertThat(recording.events()).contains("creatingApp(shop)", "appCreated(shop, 1)",
        "hookStarted(data/create-initial-events)", "hookOutput(fetched)", "importing(1, data/initial-events.json)",
        "initialLoadCompleted(1)");
    assertThat(recording.recorded().get(6).arguments()).startsWith(3L, 0L);

    RecordingLog sync = new RecordingLog();
    Files.writeString(appDir.resolve("data/sync-events.json"), events(50, 1));
    script("data/create-sync-events", "cat > data/sync-events.json <<'EOF'\n" + events(10, 2) + "EOF\n");
    StorageSettings storage = storage();
    new DataHooks(new HookFiles(appDir), Map.of(), settings(Optional.of("PIO_PURGE_ON_SYNC")), storage,
        () -> JdbcEventStore.open(storage), sync.log(), new DatabaseWait(sync.log(), pause -> {})).run();

    assertThat(sync.events().subList(1, sync.events().size())).hasSize(5).startsWith(
        "staleFileSetAside(data/sync-events.json, data/sync-events.json.stale)",
        "hookStarted(data/create-sync-events)",
        "replacingEvents(1, data/sync-events.json, PIO_PURGE_ON_SYNC)");
    assertThat(sync.names()).endsWith("imported", "importedFileMoved");
    assertThat(sync.events()).endsWith("importedFileMoved(data/sync-events.json, data/sync-events.json.imported)");
  }

  @Test
  void aDatabaseThatNeverAnswersIsOneWaitingEventThenRetryLater() throws IOException {
    Files.createDirectories(appDir.resolve("data"));
    Files.writeString(appDir.resolve("data/initial-events.json"), events(1, 1));
    List<Duration> pauses = new ArrayList<>();

    assertThatThrownBy(() -> run(settings(Optional.empty()), () -> {
      throw new StorageUnavailableException("connection refused", null);
    }, new DatabaseWait(recording.log(), pauses::add))).isInstanceOf(RetryLaterException.class);

    assertThat(recording.names()).containsExactly("usingEventStore", "waitingForDatabase");
    assertThat(recording.events()).endsWith("waitingForDatabase(PT1S)");
    assertThat(pauses).isNotEmpty();
  }

  @Test
  void noPasswordOrAccessKeyIsEverAnEventArgument() throws IOException {
    script("data/create-initial-events", "cat > data/initial-events.json <<'EOF'\n" + events(1, 2) + "EOF\n");
    run(settings(Optional.empty()));

    assertThat(recording.events()).isNotEmpty().noneMatch(event -> event.contains("key-of-shop"));
  }
}
