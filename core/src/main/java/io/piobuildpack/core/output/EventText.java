package io.piobuildpack.core.output;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The words of the install and configuration events, shared by every renderer so that the three layouts say the
 * same thing; each renderer adds its own prefix, indent and stream. Data-hook events are worded by each renderer
 * ({@code pio-data}'s own sentences, the original buildpack's on Heroku).
 */
public final class EventText {

  private EventText() {}

  /** {@code Downloading spark 2.4.8 from https://…}. */
  public static String downloading(String artifact, String url) {
    return "Downloading " + artifact + " from " + url;
  }

  /** {@code spark 2.4.8: 12.5 MiB of 230.1 MiB} (or without the total when it is unknown). */
  public static String downloadProgress(String artifact, long bytes, long totalBytes) {
    return artifact + ": " + size(bytes) + (totalBytes >= 0 ? " of " + size(totalBytes) : "");
  }

  /** {@code Download of spark 2.4.8 failed (attempt 1 of 3: HTTP 503); retrying in 2 s}. */
  public static String retrying(String artifact, int failedAttempt, int attempts, String reason, Duration delay) {
    return "Download of " + artifact + " failed (attempt " + failedAttempt + " of " + attempts + ": " + reason
        + "); retrying in " + seconds(delay);
  }

  /** {@code Verified spark 2.4.8 (pinned checksum sha256:…)}. */
  public static String verified(String artifact, String against, String checksum) {
    return "Verified " + artifact + " (" + against + " " + checksum + ")";
  }

  /** The warning for an unverified download. */
  public static String unverified(String artifact, String url) {
    return artifact + " from " + url + " is used WITHOUT checksum verification"
        + " (PIO_ALLOW_UNVERIFIED_DOWNLOADS=true); give its checksum to verify it";
  }

  /** {@code Using spark 2.4.8 from the download cache}. */
  public static String fromCache(String artifact) {
    return "Using " + artifact + " from the download cache";
  }

  /** {@code Discarded the cached spark 2.4.8 (checksum mismatch); downloading it again}. */
  public static String cacheEntryDiscarded(String artifact, String reason) {
    return "Discarded the cached " + artifact + " (" + reason + "); downloading it again";
  }

  /** {@code Extracting spark 2.4.8 into PredictionIO-dist/vendors/spark-hadoop}. */
  public static String extracting(String artifact, String destination) {
    return "Extracting " + artifact + " into " + destination;
  }

  /** {@code Installed spark 2.4.8 into PredictionIO-dist/vendors/spark-hadoop (not installed yet)}. */
  public static String installed(String artifact, String destination, String reason) {
    return "Installed " + artifact + " into " + destination + " (" + reason + ")";
  }

  /** {@code Keeping spark 2.4.8 in PredictionIO-dist/vendors/spark-hadoop (already installed)}. */
  public static String reused(String artifact, String destination) {
    return "Keeping " + artifact + " in " + destination + " (already installed)";
  }

  /** {@code Wrote PredictionIO-dist/conf/pio-env.sh from config/pio-env.sh}. */
  public static String rendered(String file, String source) {
    return "Wrote " + file + " from " + source;
  }

  /** {@code PredictionIO-dist/conf/core-site.xml is rendered at every start from bundled core-site.xml.mustache}. */
  public static String renderedAtStart(String file, String source) {
    return file + " is rendered at every start from " + source;
  }

  /** {@code Ignored config/core-site.xml.erb (using config/core-site.xml.mustache)}. */
  public static String erbIgnored(String erbFile, String used) {
    return "Ignored " + erbFile + " (using " + used + ")";
  }

  /** {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b' and 'c'}: file names in a sentence. */
  public static String quotedList(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        text.append(i == names.size() - 1 ? " and " : ", ");
      }
      text.append('\'').append(names.get(i)).append('\'');
    }
    return text.toString();
  }

  /** Binary units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 230.1 MiB}. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** Whole seconds below a minute ({@code 2 s}), else {@code 1 min 30 s}. */
  public static String seconds(Duration duration) {
    long total = duration.toSeconds();
    return total < 60 ? total + " s" : total / 60 + " min " + total % 60 + " s";
  }

  /** {@code 0.3 s}: a duration with one decimal, as import summaries show it. */
  public static String elapsed(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
