package io.piobuildpack.core.output;

import java.time.Duration;
import java.util.List;

/**
 * What the toolkit reports while it builds, releases and loads data, as named domain events. Code in {@code core},
 * {@code hooks} and the libraries of {@code buildpack} reports through this interface and never prints; a front-end
 * chooses the renderer: {@code pio-data}'s console ({@code io.piobuildpack.core.cli.ConsoleDeployLog}), Heroku's
 * classic build output or the Cloud Native Buildpacks style ({@code io.piobuildpack.buildpack.output}). Tests record
 * the events ({@link RecordingLog}) and assert on what happened rather than on text.
 *
 * <p>Rules for every event:
 *
 * <ul>
 *   <li>Arguments are facts (names, ids, counts, durations, paths relative to the app), never a sentence built
 *       by the caller, except {@link #warning}, {@link #error} and {@link #note}, whose text comes from a typed
 *       exception or a decision at the edge.
 *   <li>Secrets never appear in arguments: no access key, no password, no URL with user info or a query string
 *       (callers pass URLs as they may be shown, e.g. {@code https://host/path}).
 *   <li>Every event is a {@code default} method that does nothing, so a new event is added without breaking a
 *       renderer; each renderer's tests check that it renders every event.
 *   <li>Calls come from one thread, in the order things happen.
 * </ul>
 *
 * <p>The model is Spring Boot's semantic {@code BuildLog} and Jib's {@code LogEvent} consumer
 * (https://github.com/spring-projects/spring-boot, https://github.com/GoogleContainerTools/jib); the layouts are
 * Heroku's (https://devcenter.heroku.com/articles/buildpack-api) and heroku/buildpacks-jvm's
 * (https://github.com/heroku/buildpacks-jvm).
 */
public interface DeployLog {

  /** Reports nothing. */
  DeployLog NONE = new DeployLog() {};

  // ---- general ----------------------------------------------------------------------------------------------

  /**
   * A buildpack starts its work (a CNB build prints one heading per buildpack).
   *
   * @param name the buildpack's name, e.g. {@code PredictionIO}
   * @param version its version, e.g. {@code 0.1.0}
   */
  default void buildpackStarted(String name, String version) {}

  /**
   * A new step starts (Heroku's {@code -----> } topic, a CNB {@code - } section).
   *
   * @param title e.g. {@code Install core components}
   */
  default void stepStarted(String title) {}

  /**
   * A decision worth one line under the current step, e.g. "installing the default PredictionIO 0.14.0".
   *
   * @param message one line, no secret
   */
  default void note(String message) {}

  /**
   * Something the user should act on, while the work goes on or stops for a later retry (Heroku's
   * {@code  !     }, a CNB {@code ! } block on stderr).
   *
   * @param message one or more lines, no secret
   */
  default void warning(String message) {}

  /**
   * The work failed; the message says why and what to do.
   *
   * @param message one or more lines, no secret
   */
  default void error(String message) {}

  // ---- data hooks (release phase) ---------------------------------------------------------------------------

  /**
   * No hook file exists, so there is no data to load and the database is not touched.
   *
   * @param lookedFor the hook files looked for, relative to the app, e.g. {@code data/initial-events.json}
   */
  default void noDataHooks(List<String> lookedFor) {}

  /**
   * The event store the data is loaded into.
   *
   * @param description kind and address without a password, e.g. {@code PostgreSQL at db.example.com:5432/d1}
   */
  default void usingEventStore(String description) {}

  /**
   * The database does not answer yet; it is retried with backoff up to {@code limit}.
   *
   * @param limit the longest wait ({@code PIO_DATABASE_WAIT})
   */
  default void waitingForDatabase(Duration limit) {}

  /**
   * The app is created on its own, before the create-initial hook runs (which needs its id).
   *
   * @param app the PredictionIO app name ({@code PIO_EVENTSERVER_APP_NAME})
   */
  default void creatingApp(String app) {}

  /**
   * The app, its access key, the initial events and the completion checkpoint are written in one transaction.
   *
   * @param app the PredictionIO app name
   * @param file the initial events file, relative to the app directory
   */
  default void creatingAppWithEvents(String app, String file) {}

  /**
   * The app was created.
   *
   * @param app the PredictionIO app name
   * @param appId its id
   */
  default void appCreated(String app, int appId) {}

  /**
   * The app exists with a started but no completed initial load (an earlier release failed): it is loaded now.
   *
   * @param app the PredictionIO app name
   * @param appId its id
   */
  default void resumingInitialLoad(String app, int appId) {}

  /**
   * The app exists but was created outside the data hooks, so its initial data counts as loaded.
   *
   * @param app the PredictionIO app name
   * @param appId its id
   * @param notRun the initial hook files that are therefore not used, relative to the app
   */
  default void initialLoadDoneElsewhere(String app, int appId, List<String> notRun) {}

  /**
   * A hook script starts.
   *
   * @param name the script relative to the app, e.g. {@code data/create-sync-events}
   */
  default void hookStarted(String name) {}

  /**
   * One line a running hook script wrote (standard output and standard error, merged).
   *
   * @param line the line without its line break
   */
  default void hookOutput(String line) {}

  /**
   * A hook was not run.
   *
   * @param name the script relative to the app
   * @param reason why, e.g. {@code not defined}
   */
  default void hookSkipped(String name, String reason) {}

  /**
   * A hook script finished but did not write the file it should have; nothing is imported.
   *
   * @param name the script relative to the app
   * @param file the missing file relative to the app
   */
  default void hookProducedNothing(String name, String file) {}

  /**
   * A sync file left from an earlier run was moved aside, so it is never imported twice.
   *
   * @param file the file relative to the app
   * @param movedTo where it is now, relative to the app
   */
  default void staleFileSetAside(String file, String movedTo) {}

  /**
   * The app's initial events are being imported.
   *
   * @param appId the app's id
   * @param file the events file relative to the app
   */
  default void importing(int appId, String file) {}

  /**
   * Sync events are being added to the app's events.
   *
   * @param appId the app's id
   * @param file the events file relative to the app
   */
  default void syncing(int appId, String file) {}

  /**
   * The app's events (not its checkpoints) are being replaced by the sync file's, in one transaction.
   *
   * @param appId the app's id
   * @param file the events file relative to the app
   * @param purgeVariable the variable that asked for it, e.g. {@code PIO_PURGE_EVENTS_ON_SYNC}
   */
  default void replacingEvents(int appId, String file, String purgeVariable) {}

  /**
   * An import committed.
   *
   * @param count events written
   * @param skipped events not written because their {@code eventId} was already stored
   * @param duration how long the import took
   */
  default void imported(long count, long skipped, Duration duration) {}

  /**
   * The initial load is complete (its checkpoint committed with the events).
   *
   * @param appId the app's id
   */
  default void initialLoadCompleted(int appId) {}

  /**
   * An imported sync file was renamed, so the next release does not import it again.
   *
   * @param file the file relative to the app
   * @param movedTo its new name relative to the app
   */
  default void importedFileMoved(String file, String movedTo) {}

  /**
   * The app exists and has no sync hook: nothing to load.
   *
   * @param app the PredictionIO app name
   * @param hook the sync hook that does not exist, relative to the app
   */
  default void noSyncDefined(String app, String hook) {}

  // ---- installs (build) -------------------------------------------------------------------------------------

  /**
   * A download starts.
   *
   * @param artifact e.g. {@code spark 2.4.8}
   * @param url where from, as it may be shown (no user info, no query)
   */
  default void downloading(String artifact, String url) {}

  /**
   * Bytes received so far.
   *
   * @param artifact the artifact
   * @param bytes received so far
   * @param totalBytes the announced length, or -1 when unknown
   */
  default void downloadProgress(String artifact, long bytes, long totalBytes) {}

  /**
   * A download attempt failed with a retryable error; the next starts after {@code delay}.
   *
   * @param artifact the artifact
   * @param failedAttempt the attempt that failed, from 1
   * @param attempts how many attempts are made in all
   * @param reason why it failed, no secret
   * @param delay the pause before the next attempt
   */
  default void retrying(String artifact, int failedAttempt, int attempts, String reason, Duration delay) {}

  /**
   * The file's bytes match the expected checksum.
   *
   * @param artifact the artifact
   * @param against where the expected value came from, e.g. {@code pinned checksum}
   * @param checksum {@code algorithm:hex}, e.g. {@code sha256:9f86d0…}
   */
  default void verified(String artifact, String against, String checksum) {}

  /**
   * The artifact is used without verification (an override URL the user allowed unverified); shown as a warning.
   *
   * @param artifact the artifact
   * @param url where it came from, as it may be shown
   */
  default void unverified(String artifact, String url) {}

  /**
   * The file was found in the download cache and matched its checksum: nothing was downloaded.
   *
   * @param artifact the artifact
   */
  default void fromCache(String artifact) {}

  /**
   * A cache entry did not match its checksum (or could not be read) and was deleted.
   *
   * @param artifact the artifact
   * @param reason why
   */
  default void cacheEntryDiscarded(String artifact, String reason) {}

  /**
   * An archive is being extracted.
   *
   * @param artifact the artifact
   * @param destination where it goes, relative to the app (or the layer)
   */
  default void extracting(String artifact, String destination) {}

  /**
   * The artifact is in place.
   *
   * @param artifact the artifact
   * @param destination where, relative to the app (or the layer)
   * @param reason why it was (re)installed, e.g. {@code not installed yet}
   */
  default void installed(String artifact, String destination, String reason) {}

  /**
   * The install at {@code destination} already is this artifact: nothing changed.
   *
   * @param artifact the artifact
   * @param destination where, relative to the app (or the layer)
   */
  default void reused(String artifact, String destination) {}

  // ---- configuration files (build and process start) ---------------------------------------------------------

  /**
   * A configuration file was written.
   *
   * @param file the file written, relative to the app, e.g. {@code PredictionIO-dist/conf/pio-env.sh}
   * @param source where its content came from, e.g. {@code config/pio-env.sh} or
   *     {@code bundled pio-env.sh.mustache}
   * @param fromApp true when the source is the app's own file or template in {@code config/}
   */
  default void rendered(String file, String source, boolean fromApp) {}

  /**
   * A file whose values exist only at run time will be rendered at every start of a dyno or container.
   *
   * @param file the file, relative to the app
   * @param source its template, as in {@link #rendered}
   * @param fromApp true when the template is the app's own
   */
  default void renderedAtStart(String file, String source, boolean fromApp) {}

  /**
   * The app's ERB template of the original buildpack is ignored because a file or template replacing it exists.
   *
   * @param erbFile the ignored file, e.g. {@code config/core-site.xml.erb}
   * @param used the source used instead
   */
  default void erbIgnored(String erbFile, String used) {}
}
