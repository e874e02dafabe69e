package io.piobuildpack.core.cli;

import io.piobuildpack.core.output.DeployLog;
import io.piobuildpack.core.output.EventText;
import io.piobuildpack.core.store.ImportResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * {@code pio-data}'s own rendering of the {@link DeployLog} events: one plain sentence per event on one stream
 * (standard output, as the original {@code heroku-buildpack-pio-load-data} printed everything there), hook output
 * indented seven spaces so it reads as belonging to the line above (Heroku's detail indent). Warnings and errors are
 * plain lines too: exit codes, not markers, tell scripts what happened (see docs/cli.md). Every line is flushed at
 * once, so a release log shows progress while a hook runs.
 *
 * <p>An import's summary and what completed it share one line ({@code Imported 5 events (0 already present) in
 * 0.1 s. Initial load complete.}), so the summary is held until the next event.
 */
public final class ConsoleDeployLog implements DeployLog {

  /** Heroku's detail indent: seven spaces, aligned under the text of a {@code -----> } topic. */
  public static final String INDENT = "       ";

  private final PrintWriter out;
  private String pendingSummary;

  public ConsoleDeployLog(PrintWriter out) {
    this.out = out;
  }

  private void line(String text) {
    flushSummary();
    out.println(text);
    out.flush();
  }

  private void flushSummary() {
    if (pendingSummary != null) {
      String summary = pendingSummary;
      pendingSummary = null;
      out.println(summary);
      out.flush();
    }
  }

  private void completeSummary(String completion) {
    String summary = pendingSummary;
    pendingSummary = null;
    line(summary == null ? completion : summary + ". " + completion);
  }

  @Override
  public void buildpackStarted(String name, String version) {
    line(name + " " + version);
  }

  @Override
  public void stepStarted(String title) {
    line(title);
  }

  @Override
  public void note(String message) {
    line(message);
  }

  @Override
  public void warning(String message) {
    lines(message);
  }

  @Override
  public void error(String message) {
    lines(message);
  }

  /** Each line of a message as its own line, so the line breaks are the platform's as everywhere else. */
  private void lines(String message) {
    if (message.isEmpty()) {
      line("");
    } else {
      message.lines().forEach(this::line);
    }
  }

  @Override
  public void noDataHooks(List<String> lookedFor) {
    line("No data hooks (" + String.join(", ", lookedFor) + "), so there is no data to load.");
  }

  @Override
  public void usingEventStore(String description) {
    line("Event store: " + description);
  }

  @Override
  public void waitingForDatabase(Duration limit) {
    line("Waiting up to " + limit.toSeconds() + " s for the database to answer...");
  }

  @Override
  public void creatingApp(String app) {
    line("Creating '" + app + "' in the event store.");
  }

  @Override
  public void creatingAppWithEvents(String app, String file) {
    line("Creating '" + app + "' in the event store and importing '" + file + "' in one transaction.");
  }

  @Override
  public void appCreated(String app, int appId) {
    line("Created App ID " + appId + ".");
  }

  @Override
  public void resumingInitialLoad(String app, int appId) {
    line("Found '" + app + "' (App ID " + appId + ") without a completed initial load: loading it now.");
  }

  @Override
  public void initialLoadDoneElsewhere(String app, int appId, List<String> notRun) {
    line("Found '" + app + "' (App ID " + appId + ") created outside the data hooks, so its initial data counts as"
        + " loaded: " + EventText.quotedList(notRun) + (notRun.size() == 1 ? " is" : " are") + " not run.");
  }

  @Override
  public void hookStarted(String name) {
    line("Fetching data using script '" + name + "'.");
  }

  @Override
  public void hookOutput(String line) {
    line(INDENT + line);
  }

  @Override
  public void hookSkipped(String name, String reason) {
    line("Skipped '" + name + "': " + reason + ".");
  }

  @Override
  public void hookProducedNothing(String name, String file) {
    line("No event data found to import. '" + name + "' did not produce the file '" + file + "'.");
  }

  @Override
  public void staleFileSetAside(String file, String movedTo) {
    line("Moved '" + file + "' left from an earlier run to '" + movedTo + "'; only a file the sync script writes"
        + " now is imported.");
  }

  @Override
  public void importing(int appId, String file) {
    line("Importing events for training to App ID " + appId + " from '" + file + "'.");
  }

  @Override
  public void syncing(int appId, String file) {
    line("Syncing events for training to App ID " + appId + ".");
  }

  @Override
  public void replacingEvents(int appId, String file, String purgeVariable) {
    line("Replacing existing event data (checkpoints are kept), because `" + purgeVariable + "=true`; old events"
        + " stay if the import fails.");
  }

  @Override
  public void imported(long count, long skipped, Duration duration) {
    flushSummary();
    pendingSummary = new ImportResult(count, skipped, duration).summary();
  }

  @Override
  public void initialLoadCompleted(int appId) {
    completeSummary("Initial load complete.");
  }

  @Override
  public void importedFileMoved(String file, String movedTo) {
    completeSummary("Moved '" + file + "' to '" + movedTo + "'.");
  }

  @Override
  public void noSyncDefined(String app, String hook) {
    line("Found '" + app + "' in the eventserver. No data sync defined, so skipping data load.");
  }

  @Override
  public void downloading(String artifact, String url) {
    line(EventText.downloading(artifact, url));
  }

  @Override
  public void downloadProgress(String artifact, long bytes, long totalBytes) {
    line(EventText.downloadProgress(artifact, bytes, totalBytes));
  }

  @Override
  public void retrying(String artifact, int failedAttempt, int attempts, String reason, Duration delay) {
    line(EventText.retrying(artifact, failedAttempt, attempts, reason, delay));
  }

  @Override
  public void verified(String artifact, String against, String checksum) {
    line(EventText.verified(artifact, against, checksum));
  }

  @Override
  public void unverified(String artifact, String url) {
    line("WARNING: " + EventText.unverified(artifact, url));
  }

  @Override
  public void fromCache(String artifact) {
    line(EventText.fromCache(artifact));
  }

  @Override
  public void cacheEntryDiscarded(String artifact, String reason) {
    line(EventText.cacheEntryDiscarded(artifact, reason));
  }

  @Override
  public void extracting(String artifact, String destination) {
    line(EventText.extracting(artifact, destination));
  }

  @Override
  public void installed(String artifact, String destination, String reason) {
    line(EventText.installed(artifact, destination, reason));
  }

  @Override
  public void reused(String artifact, String destination) {
    line(EventText.reused(artifact, destination));
  }

  @Override
  public void rendered(String file, String source, boolean fromApp) {
    line(EventText.rendered(file, source));
  }

  @Override
  public void renderedAtStart(String file, String source, boolean fromApp) {
    line(EventText.renderedAtStart(file, source));
  }

  @Override
  public void erbIgnored(String erbFile, String used) {
    line(EventText.erbIgnored(erbFile, used));
  }

  /** Prints an import summary still held (when nothing followed it). */
  public void flush() {
    flushSummary();
  }
}
