package io.piobuildpack.buildpack.output;

import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.core.output.EventText;
import io.piobuildpack.core.store.ImportResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The words of a buildpack's build and release output, shared by the Heroku classic and the CNB layout: the
 * original heroku/predictionio-buildpack's sentences for the data hooks ("Fetching data using script '…'.",
 * "Importing events for training to App ID 7", "No data sync defined, so skipping data load."), and
 * {@link EventText} for installs and configuration files. A subclass decides how a step heading, a detail line,
 * a hook's output line, a warning and an error look and on which stream they go.
 */
abstract class LayoutLog implements DeployLog {

  /** A buildpack's heading (CNB) or banner (Heroku). */
  abstract void heading(String text);

  /** The heading of a step. */
  abstract void topic(String text);

  /** One line of detail under the current step. */
  abstract void detail(String text);

  /** One line of a child process's output, streamed as it comes. */
  abstract void streamed(String line);

  /** A warning, possibly several lines. */
  abstract void warn(String message);

  /** An error, possibly several lines. */
  abstract void fail(String message);

  @Override
  public void buildpackStarted(String name, String version) {
    heading(name + " " + version);
  }

  @Override
  public void stepStarted(String title) {
    topic(title);
  }

  @Override
  public void note(String message) {
    detail(message);
  }

  @Override
  public void warning(String message) {
    warn(message);
  }

  @Override
  public void error(String message) {
    fail(message);
  }

  @Override
  public void noDataHooks(List<String> lookedFor) {
    detail("No data to load: none of " + EventText.quotedList(lookedFor) + " exists");
  }

  @Override
  public void usingEventStore(String description) {
    detail("Event store: " + description);
  }

  @Override
  public void waitingForDatabase(Duration limit) {
    detail("Waiting up to " + EventText.seconds(limit) + " for the database to answer");
  }

  @Override
  public void creatingApp(String app) {
    topic("Creating '" + app + "' in the eventserver");
  }

  @Override
  public void creatingAppWithEvents(String app, String file) {
    topic("Creating '" + app + "' in the eventserver");
    detail("The app, its access key and '" + file + "' are written in one transaction");
  }

  @Override
  public void appCreated(String app, int appId) {
    detail("Created App ID " + appId);
  }

  @Override
  public void resumingInitialLoad(String app, int appId) {
    detail("Found '" + app + "' (App ID " + appId + ") without a completed initial load: loading it now");
  }

  @Override
  public void initialLoadDoneElsewhere(String app, int appId, List<String> notRun) {
    detail("Found '" + app + "' (App ID " + appId + ") created outside the data hooks: "
        + EventText.quotedList(notRun) + (notRun.size() == 1 ? " is" : " are") + " not run");
  }

  @Override
  public void hookStarted(String name) {
    topic("Fetching data using script '" + name + "'.");
  }

  @Override
  public void hookOutput(String line) {
    streamed(line);
  }

  @Override
  public void hookSkipped(String name, String reason) {
    detail("Skipping '" + name + "': " + reason);
  }

  @Override
  public void hookProducedNothing(String name, String file) {
    detail("No event data found to import. '" + name + "' did not produce the file '" + file + "'.");
  }

  @Override
  public void staleFileSetAside(String file, String movedTo) {
    detail("Moved '" + file + "' left from an earlier run to '" + movedTo + "'; it is not imported");
  }

  @Override
  public void importing(int appId, String file) {
    topic("Importing events for training to App ID " + appId);
  }

  @Override
  public void syncing(int appId, String file) {
    topic("Syncing events for training to App ID " + appId);
  }

  @Override
  public void replacingEvents(int appId, String file, String purgeVariable) {
    topic("Replacing existing event data, because `" + purgeVariable + "=true`");
    detail("Checkpoints are kept; the old events stay if the import fails");
  }

  @Override
  public void imported(long count, long skipped, Duration duration) {
    detail(new ImportResult(count, skipped, duration).summary());
  }

  @Override
  public void initialLoadCompleted(int appId) {
    detail("Initial load complete");
  }

  @Override
  public void importedFileMoved(String file, String movedTo) {
    detail("Moved '" + file + "' to '" + movedTo + "'");
  }

  @Override
  public void noSyncDefined(String app, String hook) {
    detail("Found '" + app + "' in the eventserver. No data sync defined, so skipping data load.");
  }

  @Override
  public void downloading(String artifact, String url) {
    detail(EventText.downloading(artifact, url));
  }

  @Override
  public void downloadProgress(String artifact, long bytes, long totalBytes) {
    detail(EventText.downloadProgress(artifact, bytes, totalBytes));
  }

  @Override
  public void retrying(String artifact, int failedAttempt, int attempts, String reason, Duration delay) {
    detail(EventText.retrying(artifact, failedAttempt, attempts, reason, delay));
  }

  @Override
  public void verified(String artifact, String against, String checksum) {
    detail(EventText.verified(artifact, against, checksum));
  }

  @Override
  public void unverified(String artifact, String url) {
    warn(EventText.unverified(artifact, url));
  }

  @Override
  public void fromCache(String artifact) {
    detail(EventText.fromCache(artifact));
  }

  @Override
  public void cacheEntryDiscarded(String artifact, String reason) {
    detail(EventText.cacheEntryDiscarded(artifact, reason));
  }

  @Override
  public void extracting(String artifact, String destination) {
    detail(EventText.extracting(artifact, destination));
  }

  @Override
  public void installed(String artifact, String destination, String reason) {
    detail("+ " + artifact + " (" + destination + ", " + reason + ")");
  }

  @Override
  public void reused(String artifact, String destination) {
    detail("+ " + artifact + " (" + destination + ", already installed)");
  }

  /** The original's "Using custom 'config/pio-env.sh'" and "Writing default 'pio-env.sh'". */
  @Override
  public void rendered(String file, String source, boolean fromApp) {
    detail(fromApp ? "Using custom '" + source + "'" : "Writing default '" + fileName(file) + "'");
  }

  @Override
  public void renderedAtStart(String file, String source, boolean fromApp) {
    detail((fromApp ? "Using custom '" + source + "'" : "Using default '" + fileName(file) + "'")
        + ", rendered at every start");
  }

  @Override
  public void erbIgnored(String erbFile, String used) {
    detail("Ignoring '" + erbFile + "' (an ERB template of the original buildpack): using '" + used + "'");
  }

  private static String fileName(String file) {
    Path name = Path.of(file).getFileName();
    return name == null ? file : name.toString();
  }
}
