package io.piobuildpack.hooks.data;

import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.event.json.PropertiesJson;
import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.CreatedAppImport;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.ImportListener;
import io.piobuildpack.core.store.ImportResult;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.core.store.PropertyMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The release-phase data flow (the original's {@code heroku-buildpack-pio-load-data}), decided from the store
 * rather than from parsed console output:
 *
 * <ol>
 *   <li>no hook files: nothing to do, no database access;
 *   <li>no app name, or no database where one is required, or a database that does not answer in time: retry
 *       later ({@link RetryLaterException});
 *   <li>no app of that name: create the app with the given key and import {@code data/initial-events.json} with
 *       the completion checkpoint, all in one transaction; when {@code data/create-initial-events} exists, the app
 *       is created first together with a "started" checkpoint (the hook gets its id), then the hook runs, then the
 *       import and the completion checkpoint commit together — a failure anywhere leaves the load pending for the
 *       next release;
 *   <li>an app with a "started" but no "completed" checkpoint: the hooks created it and its initial load failed, so
 *       the initial load is run again;
 *   <li>an app with no initial-load checkpoint at all: created elsewhere ({@code pio app new} of PredictionIO or of
 *       the original buildpack, {@code pio-data app new}); as the original's contract says the initial hooks run
 *       only when no app of that name exists, its initial load counts as done and the flow goes on to sync;
 *   <li>initial load done: run {@code data/create-sync-events} with the previous sync checkpoint, then import
 *       {@code data/sync-events.json}, purging first (in the same transaction, keeping checkpoints) when asked.
 * </ol>
 */
public final class DataHooks {

  private final HookFiles files;
  private final Map<String, String> environment;
  private final LoadDataSettings settings;
  private final StorageSettings storage;
  private final Supplier<EventStore> opener;
  private final DeployLog log;
  private final DatabaseWait wait;

  /**
   * @param environment the variables hook scripts run with (the process's own), to which the hooks' variables
   *     are added
   */
  public DataHooks(HookFiles files, Map<String, String> environment, LoadDataSettings settings,
      StorageSettings storage, Supplier<EventStore> opener, DeployLog log) {
    this(files, environment, settings, storage, opener, log,
        new DatabaseWait(log, pause -> Thread.sleep(pause.toMillis())));
  }

  DataHooks(HookFiles files, Map<String, String> environment, LoadDataSettings settings, StorageSettings storage,
      Supplier<EventStore> opener, DeployLog log, DatabaseWait wait) {
    this.files = files;
    this.environment = Map.copyOf(environment);
    this.settings = settings;
    this.storage = storage;
    this.opener = opener;
    this.log = log;
    this.wait = wait;
  }

  /** Runs the flow; returns normally when the data is loaded or there was nothing to load. */
  public void run() {
    if (!files.anyPresent()) {
      log.noDataHooks(List.of(HookFiles.INITIAL_EVENTS, HookFiles.CREATE_INITIAL_EVENTS, HookFiles.CREATE_SYNC_EVENTS));
      return;
    }
    String appName = settings.appName().orElseThrow(() -> new RetryLaterException(
        LoadDataSettings.APP_NAME + " is required to load data. Skipping data load."));
    if (storage.isEmbedded() && settings.databaseRequired()) {
      throw new RetryLaterException("DATABASE_URL is required to load data. Skipping data load.");
    }
    log.usingEventStore(storage.describe());
    try (EventStore store = wait.open(opener, storage.describe(), settings.databaseWait())) {
      Checkpoints checkpoints = new Checkpoints(store);
      Optional<App> app = store.apps().findByName(appName);
      if (app.isEmpty()) {
        initialLoad(store, appName, app);
        return;
      }
      Optional<PropertyMap> mark = checkpoints.read(EventScope.of(app.get().id()), Checkpoints.INITIAL_LOAD);
      if (mark.isEmpty()) {
        log.initialLoadDoneElsewhere(appName, app.get().id(),
            List.of(HookFiles.INITIAL_EVENTS, HookFiles.CREATE_INITIAL_EVENTS));
        sync(store, checkpoints, app.get());
      } else if (Checkpoints.isCompleted(mark.get())) {
        sync(store, checkpoints, app.get());
      } else {
        initialLoad(store, appName, app);
      }
    }
  }

  private void initialLoad(EventStore store, String appName, Optional<App> existing) {
    if (existing.isEmpty() && !Files.exists(files.createInitialEvents())) {
      createAppAndLoad(store, appName);
      return;
    }
    App app = existing.isPresent() ? resumed(existing.get()) : createApp(store, appName);
    if (Files.exists(files.createInitialEvents())) {
      log.hookStarted(HookFiles.CREATE_INITIAL_EVENTS);
      hook(HookFiles.CREATE_INITIAL_EVENTS).run(hookEnvironment(app, Map.of()));
      if (!Files.exists(files.initialEvents())) {
        throw new HookOutputMissingException(HookFiles.CREATE_INITIAL_EVENTS, HookFiles.INITIAL_EVENTS);
      }
    }
    log.importing(app.id(), HookFiles.INITIAL_EVENTS);
    ImportResult result = store.bulk().importEvents(EventScope.of(app.id()), initialSource(), ImportListener.NONE,
        List.of(completedMark()));
    imported(result);
    log.initialLoadCompleted(app.id());
  }

  /** Without a create-initial hook nothing needs the app before its events: app, key, events and mark commit together. */
  private void createAppAndLoad(EventStore store, String appName) {
    NewApp request = NewApp.named(appName).withAccessKey(requiredAccessKey());
    log.creatingAppWithEvents(appName, HookFiles.INITIAL_EVENTS);
    CreatedAppImport loaded = store.bulk().createAppAndImport(request, initialSource(), ImportListener.NONE,
        List.of(completedMark()));
    int appId = loaded.created().app().id();
    log.importing(appId, HookFiles.INITIAL_EVENTS);
    imported(loaded.result());
    log.initialLoadCompleted(appId);
  }

  /**
   * The create-initial hook gets the app's id, so the app is created (with its key and the "started" checkpoint,
   * in one transaction) before the hook runs; the checkpoint tells a later run that a failed load is ours to retry.
   */
  private App createApp(EventStore store, String appName) {
    NewApp request = NewApp.named(appName).withAccessKey(requiredAccessKey());
    log.creatingApp(appName);
    App app = store.bulk().createAppAndImport(request, EventFileSource.ofStream(InputStream.nullInputStream()),
        ImportListener.NONE, List.of(startedMark())).created().app();
    log.appCreated(appName, app.id());
    return app;
  }

  private App resumed(App app) {
    log.resumingInitialLoad(app.name(), app.id());
    return app;
  }

  private String requiredAccessKey() {
    return settings.accessKey().orElseThrow(() -> new RetryLaterException(
        LoadDataSettings.ACCESS_KEY + " is required to initialize the eventserver. Skipping data load."));
  }

  /** The initial events file, or no events when there is none (only a sync hook is defined). */
  private EventFileSource initialSource() {
    return Files.exists(files.initialEvents()) ? EventFileSource.ofPath(files.initialEvents())
        : EventFileSource.ofStream(InputStream.nullInputStream());
  }

  private void imported(ImportResult result) {
    log.imported(result.inserted(), result.alreadyPresent(), result.elapsed());
  }

  private void sync(EventStore store, Checkpoints checkpoints, App app) {
    if (!Files.exists(files.createSyncEvents())) {
      log.noSyncDefined(app.name(), HookFiles.CREATE_SYNC_EVENTS);
      return;
    }
    EventScope scope = EventScope.of(app.id());
    setAsideStaleSyncFile();
    Map<String, String> checkpointEnv = new HashMap<>();
    checkpoints.read(scope, Checkpoints.SYNC).ifPresent(checkpoint -> describeCheckpoint(checkpoint, checkpointEnv));
    log.hookStarted(HookFiles.CREATE_SYNC_EVENTS);
    hook(HookFiles.CREATE_SYNC_EVENTS).run(hookEnvironment(app, checkpointEnv));
    if (!Files.exists(files.syncEvents())) {
      log.hookProducedNothing(HookFiles.CREATE_SYNC_EVENTS, HookFiles.SYNC_EVENTS);
      return;
    }
    EventFileSource source = EventFileSource.ofPath(files.syncEvents());
    ImportResult result;
    if (settings.purgeVariable().isPresent()) {
      log.replacingEvents(app.id(), HookFiles.SYNC_EVENTS, settings.purgeVariable().get());
      result = store.bulk().replaceEvents(scope, source, ImportListener.NONE, Set.of(Checkpoints.ENTITY_TYPE));
    } else {
      log.syncing(app.id(), HookFiles.SYNC_EVENTS);
      result = store.bulk().importEvents(scope, source, ImportListener.NONE, List.of());
    }
    move(files.syncEvents(), files.importedSyncEvents());
    imported(result);
    log.importedFileMoved(HookFiles.SYNC_EVENTS, HookFiles.SYNC_EVENTS + HookFiles.IMPORTED_SUFFIX);
  }

  /** A sync file present before the sync hook runs is from an earlier run; it must not be imported again. */
  private void setAsideStaleSyncFile() {
    if (Files.exists(files.syncEvents())) {
      move(files.syncEvents(), files.staleSyncEvents());
      log.staleFileSetAside(HookFiles.SYNC_EVENTS, HookFiles.SYNC_EVENTS + HookFiles.STALE_SUFFIX);
    }
  }

  private static void describeCheckpoint(PropertyMap checkpoint, Map<String, String> env) {
    env.put("PIO_SYNC_CHECKPOINT", PropertiesJson.toJson(checkpoint.fields()));
    Object lastUpdatedAt = checkpoint.fields().get("lastUpdatedAt");
    if (lastUpdatedAt != null) {
      env.put("PIO_SYNC_LAST_UPDATED_AT", lastUpdatedAt.toString());
    }
  }

  private Map<String, String> hookEnvironment(App app, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(extra);
    env.put("PIO_EVENTSERVER_APP_ID", Integer.toString(app.id()));
    return env;
  }

  private HookScript hook(String name) {
    return new HookScript(files.appDir(), name, log, settings.hookTimeout());
  }

  /** The checkpoint event that marks the initial load complete; written in the import's transaction. */
  private static Event completedMark() {
    return Checkpoints.setEvent(Checkpoints.INITIAL_LOAD,
        EventProperties.of(Checkpoints.COMPLETED_AT, EventTimes.format(EventTimes.nowUtc())));
  }

  /** The checkpoint event that records that the hooks created the app; written with the app. */
  private static Event startedMark() {
    return Checkpoints.setEvent(Checkpoints.INITIAL_LOAD,
        EventProperties.of(Checkpoints.STARTED_AT, EventTimes.format(EventTimes.nowUtc())));
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + from + " to " + to, e);
    }
  }
}
