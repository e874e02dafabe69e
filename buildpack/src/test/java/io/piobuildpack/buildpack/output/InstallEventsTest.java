package io.piobuildpack.buildpack.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.core.output.RecordingLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install listener's calls arrive as output events, with labels, safe URLs and paths relative to the app. */
class InstallEventsTest {

  private static final String SHA = "sha256:" + "ab".repeat(32);

  @TempDir
  Path app;

  private final RecordingLog recording = new RecordingLog();

  private static Artifact spark(String url) {
    return new Artifact("spark", "2.4.8", "any", "any", URI.create(url), Checksum.parse(SHA), null, null, "tar.gz",
        "*", "pinned from the Apache archive");
  }

  @Test
  void everyInstallCallBecomesItsEvent() {
    InstallEvents events = new InstallEvents(recording.log(), app);
    Artifact spark = spark("https://archive.apache.org/dist/spark/spark-2.4.8-bin-hadoop2.7.tgz");
    Path destination = app.resolve("PredictionIO-dist/vendors/spark-hadoop");

    events.note("installing the default Spark");
    events.downloading(spark, spark.url());
    events.progress(spark, 1024, 4096);
    events.retrying(spark, spark.url(), 1, 3, "HTTP 503", Duration.ofSeconds(2));
    events.verified(spark, Artifact.Verification.PINNED, Checksum.parse(SHA));
    events.fromCache(spark, app.resolve("cache/x"));
    events.cacheEntryDiscarded(spark, app.resolve("cache/x"), "checksum mismatch");
    events.extracting(spark, destination);
    events.installed(spark, destination, "not installed yet");
    events.reused(spark, destination);

    assertThat(recording.events()).containsExactly(
        "note(installing the default Spark)",
        "downloading(spark 2.4.8, https://archive.apache.org/dist/spark/spark-2.4.8-bin-hadoop2.7.tgz)",
        "downloadProgress(spark 2.4.8, 1024, 4096)",
        "retrying(spark 2.4.8, 1, 3, HTTP 503, PT2S)",
        "verified(spark 2.4.8, pinned checksum, " + SHA + ")",
        "fromCache(spark 2.4.8)",
        "cacheEntryDiscarded(spark 2.4.8, checksum mismatch)",
        "extracting(spark 2.4.8, PredictionIO-dist/vendors/spark-hadoop)",
        "installed(spark 2.4.8, PredictionIO-dist/vendors/spark-hadoop, not installed yet)",
        "reused(spark 2.4.8, PredictionIO-dist/vendors/spark-hadoop)");
  }

  @Test
  void credentialsInADownloadUrlNeverReachAnEvent() {
    InstallEvents events = new InstallEvents(recording.log(), app);
    Artifact signed = spark("https://user:token@bucket.example.com/spark.tgz?X-Amz-Signature=secret");

    events.downloading(signed, signed.url());
    events.unverified(signed, signed.url());

    assertThat(recording.events()).containsExactly("downloading(spark 2.4.8, https://bucket.example.com/spark.tgz?…)",
        "unverified(spark 2.4.8, https://bucket.example.com/spark.tgz?…)");
  }

  @Test
  void aDestinationOutsideTheBaseIsShownAsItIs() {
    new InstallEvents(recording.log(), app.resolve("layers"))
        .installed(spark("https://example.com/s.tgz"), Path.of("/opt/spark"), "not installed yet");

    assertThat(recording.events()).containsExactly("installed(spark 2.4.8, /opt/spark, not installed yet)");
  }
}
