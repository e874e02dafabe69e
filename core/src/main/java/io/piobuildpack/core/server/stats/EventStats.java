package io.piobuildpack.core.server.stats;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventTimes;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --stats} counters of PredictionIO 0.13 ({@code StatsActor}): every event stored through the API
 * (single, batch, webhooks) is counted per app since the server started ({@code longLive}), in the current
 * wall-clock hour ({@code currentHour}) and in the previous one ({@code prevHour}). In memory only.
 */
public final class EventStats {

  private final Clock clock;
  private final StatsWindow longLive;
  private StatsWindow currentHour;
  private StatsWindow previousHour;

  public EventStats(Clock clock) {
    this.clock = clock;
    ZonedDateTime now = now();
    ZonedDateTime hour = hourOf(now);
    this.longLive = new StatsWindow(now);
    this.currentHour = new StatsWindow(hour);
    this.previousHour = new StatsWindow(hour.minusHours(1));
    previousHour.cutoff(hour);
  }

  /** Counts one stored event and the status it was answered with. */
  public synchronized void record(int appId, int status, Event event) {
    rollOver();
    currentHour.update(appId, status, event);
    longLive.update(appId, status, event);
  }

  /** The counters of one app as a JSON-ready map: {@code time}, {@code currentHour}, {@code prevHour}, {@code longLive}. */
  public synchronized Map<String, Object> snapshot(int appId) {
    rollOver();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("time", EventTimes.format(now()));
    json.put("currentHour", currentHour.snapshot(appId));
    json.put("prevHour", previousHour.snapshot(appId));
    json.put("longLive", longLive.snapshot(appId));
    return json;
  }

  private void rollOver() {
    ZonedDateTime hour = hourOf(now());
    if (!hour.equals(currentHour.startTime())) {
      previousHour = currentHour;
      previousHour.cutoff(hour);
      currentHour = new StatsWindow(hour);
    }
  }

  private ZonedDateTime now() {
    return EventTimes.now(clock);
  }

  private static ZonedDateTime hourOf(ZonedDateTime time) {
    return time.truncatedTo(ChronoUnit.HOURS);
  }
}
