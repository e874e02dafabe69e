package io.piobuildpack.hooks.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** The data-hook files of an app, relative to its root, with the names the original buildpack used. */
public record HookFiles(Path appDir) {

  public static final String INITIAL_EVENTS = "data/initial-events.json";
  public static final String CREATE_INITIAL_EVENTS = "data/create-initial-events";
  public static final String CREATE_SYNC_EVENTS = "data/create-sync-events";
  public static final String SYNC_EVENTS = "data/sync-events.json";
  /** Added to {@link #SYNC_EVENTS} once the file was imported. */
  public static final String IMPORTED_SUFFIX = ".imported";
  /** Added to {@link #SYNC_EVENTS} when the file was there before the sync hook ran. */
  public static final String STALE_SUFFIX = ".stale";

  public Path initialEvents() {
    return appDir.resolve(INITIAL_EVENTS);
  }

  public Path createInitialEvents() {
    return appDir.resolve(CREATE_INITIAL_EVENTS);
  }

  public Path createSyncEvents() {
    return appDir.resolve(CREATE_SYNC_EVENTS);
  }

  public Path syncEvents() {
    return appDir.resolve(SYNC_EVENTS);
  }

  /** Where a sync file goes after it was imported, so a later release never imports it again. */
  public Path importedSyncEvents() {
    return appDir.resolve(SYNC_EVENTS + IMPORTED_SUFFIX);
  }

  /** Where a sync file found before the sync hook ran is moved: it is from an earlier run, not this one. */
  public Path staleSyncEvents() {
    return appDir.resolve(SYNC_EVENTS + STALE_SUFFIX);
  }

  /** True when any hook is defined: the initial events file or either script. */
  public boolean anyPresent() {
    return Files.exists(initialEvents()) || Files.exists(createInitialEvents()) || Files.exists(createSyncEvents());
  }
}
