package io.piobuildpack.buildpack.install.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.buildpack.install.RecordingListener;
import io.piobuildpack.buildpack.install.TestArtifacts;
import io.piobuildpack.buildpack.install.common.InstallException;
import io.piobuildpack.buildpack.install.inventory.Artifact;
import io.piobuildpack.buildpack.install.inventory.Checksum;
import io.piobuildpack.core.config.Environment;
import io.piobuildpack.testsupport.archive.DistributionLayouts;
import io.piobuildpack.testsupport.http.Fault;
import io.piobuildpack.testsupport.http.LoopbackFileServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactFetcherTest {

  private static final String SPARK = "/dist/spark-2.4.8/spark-2.4.8-bin-hadoop2.7.tgz";

  @TempDir Path temp;
  private LoopbackFileServer server;
  private byte[] spark;
  private DownloadCache cache;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void start() {
    server = LoopbackFileServer.start();
    spark = DistributionLayouts.spark("2.4.8", "2.7").build();
    server.serve(SPARK, spark);
    cache = new DownloadCache(temp.resolve("cache"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ArtifactFetcher fetcher() {
    return new ArtifactFetcher(TestArtifacts.fetcher(), cache, Optional.empty());
  }

  private Artifact sparkArtifact(Checksum checksum) {
    return TestArtifacts.pinned("spark", "2.4.8-hadoop2.7", server.uri(SPARK), checksum,
        "spark-2.4.8-bin-hadoop2.7");
  }

  @Test
  void pinnedDownloadIsVerifiedAndCachedUnderItsChecksum() throws Exception {
    Checksum checksum = TestArtifacts.sha256(spark);

    FetchedArtifact fetched = fetcher().fetch(sparkArtifact(checksum), listener);

    assertThat(fetched.file()).isEqualTo(cache.entry(checksum, "spark-2.4.8-bin-hadoop2.7.tgz"));
    assertThat(Files.readAllBytes(fetched.file())).isEqualTo(spark);
    assertThat(fetched.verification()).isEqualTo(Artifact.Verification.PINNED);
    assertThat(listener.events("verified")).containsExactly("verified PINNED " + checksum);
    assertThat(server.requestCount(SPARK)).isEqualTo(1);
    try (Stream<Path> files = Files.list(fetched.file().getParent())) {
      assertThat(files).containsExactly(fetched.file());
    }
  }

  @Test
  void warmCacheMakesZeroRequests() throws Exception {
    Checksum checksum = TestArtifacts.sha256(spark);
    fetcher().fetch(sparkArtifact(checksum), listener);
    server.resetCounts();

    FetchedArtifact again = fetcher().fetch(sparkArtifact(checksum), listener);

    assertThat(server.requestCount()).isZero();
    assertThat(Files.readAllBytes(again.file())).isEqualTo(spark);
    assertThat(listener.events("fromCache")).containsExactly("fromCache spark 2.4.8-hadoop2.7");
  }

  @Test
  void checksumMismatchFailsNamingUrlExpectedAndActualAndRemovesTheFile() {
    Checksum expected = TestArtifacts.sha256("other bytes".getBytes(StandardCharsets.UTF_8));
    Checksum actual = TestArtifacts.sha256(spark);

    assertThatThrownBy(() -> fetcher().fetch(sparkArtifact(expected), listener))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessage("Checksum mismatch for spark 2.4.8-hadoop2.7 from " + server.uri(SPARK) + ": expected "
            + expected + ", got " + actual + "; the download was deleted.");
    assertThat(cache.directory().resolve(expected.fileKey())).isEmptyDirectory();
  }

  @Test
  void wrongBytesFromTheServerAreRefused() {
    Checksum checksum = TestArtifacts.sha256(spark);
    byte[] wrong = "<html>mirror error page</html>".getBytes(StandardCharsets.UTF_8);
    server.fault(SPARK, Fault.wrongBytes(wrong));

    assertThatThrownBy(() -> fetcher().fetch(sparkArtifact(checksum), listener))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessageContaining("expected " + checksum + ", got " + TestArtifacts.sha256(wrong));
    assertThat(cache.directory().resolve(checksum.fileKey())).isEmptyDirectory();
  }

  @Test
  void publishedChecksumFileInSha512sumFormatIsVerified() throws Exception {
    Checksum sha512 = TestArtifacts.sha512(spark);
    URI checksumUrl = server.serve(SPARK + ".sha512",
        (sha512.hex() + "  spark-2.4.8-bin-hadoop2.7.tgz\n").getBytes(StandardCharsets.UTF_8));
    Artifact artifact = TestArtifacts.published("spark", "2.4.8-hadoop2.7", server.uri(SPARK), checksumUrl,
        "spark-2.4.8-bin-hadoop2.7");

    FetchedArtifact fetched = fetcher().fetch(artifact, listener);

    assertThat(fetched.checksum()).isEqualTo(sha512);
    assertThat(fetched.verification()).isEqualTo(Artifact.Verification.PUBLISHED_FILE);
    assertThat(listener.events("verified")).containsExactly("verified PUBLISHED_FILE " + sha512);
  }

  @Test
  void publishedChecksumFileInGpgPrintMdFormatIsVerified() throws Exception {
    Checksum sha512 = TestArtifacts.sha512(spark);
    URI checksumUrl = server.serve(SPARK + ".sha512", gpgPrintMd("spark-2.4.8-bin-hadoop2.7.tgz", sha512)
        .getBytes(StandardCharsets.UTF_8));
    Artifact artifact = TestArtifacts.published("spark", "2.4.8-hadoop2.7", server.uri(SPARK), checksumUrl,
        "spark-2.4.8-bin-hadoop2.7");

    FetchedArtifact fetched = fetcher().fetch(artifact, listener);

    assertThat(fetched.checksum()).isEqualTo(sha512);
    assertThat(listener.events("note")).containsExactly(
        "note Read the published checksum of spark 2.4.8-hadoop2.7 from " + checksumUrl);
  }

  @Test
  void publishedChecksumIsRememberedSoAWarmCacheMakesZeroRequests() throws Exception {
    Checksum sha512 = TestArtifacts.sha512(spark);
    URI checksumUrl = server.serve(SPARK + ".sha512", gpgPrintMd("spark-2.4.8-bin-hadoop2.7.tgz", sha512)
        .getBytes(StandardCharsets.UTF_8));
    Artifact artifact = TestArtifacts.published("spark", "2.4.8-hadoop2.7", server.uri(SPARK), checksumUrl,
        "spark-2.4.8-bin-hadoop2.7");
    fetcher().fetch(artifact, listener);
    server.resetCounts();

    fetcher().fetch(artifact, listener);

    assertThat(server.requestCount()).isZero();
  }

  @Test
  void publishedChecksumMismatchIsRefused() {
    Checksum other = TestArtifacts.sha512("x".getBytes(StandardCharsets.UTF_8));
    URI checksumUrl = server.serve(SPARK + ".sha512",
        (other.hex() + " *spark-2.4.8-bin-hadoop2.7.tgz\n").getBytes(StandardCharsets.UTF_8));
    Artifact artifact = TestArtifacts.published("spark", "2.4.8-hadoop2.7", server.uri(SPARK), checksumUrl,
        "spark-2.4.8-bin-hadoop2.7");

    assertThatThrownBy(() -> fetcher().fetch(artifact, listener))
        .isInstanceOf(ChecksumMismatchException.class)
        .hasMessage("Checksum mismatch for spark 2.4.8-hadoop2.7 from " + server.uri(SPARK) + ": expected "
            + other + ", got " + TestArtifacts.sha512(spark) + "; the download was deleted.");
  }

  @Test
  void notFoundFailsAtOnceWithoutRetry() {
    server.fault(SPARK, Fault.notFound());

    assertThatThrownBy(() -> fetcher().fetch(sparkArtifact(TestArtifacts.sha256(spark)), listener))
        .isInstanceOf(DownloadFailedException.class)
        .hasMessage("Download of " + server.uri(SPARK) + " failed: HTTP 404 (not retried).");
    assertThat(server.requestCount(SPARK)).isEqualTo(1);
    assertThat(listener.events("retrying")).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUntilSuccess() throws Exception {
    server.fault(SPARK, Fault.statusThenSuccess(500, 2));

    FetchedArtifact fetched = fetcher().fetch(sparkArtifact(TestArtifacts.sha256(spark)), listener);

    assertThat(Files.readAllBytes(fetched.file())).isEqualTo(spark);
    assertThat(server.requestCount(SPARK)).isEqualTo(3);
    assertThat(listener.events("retrying")).containsExactly("retrying 1/3 HTTP 500", "retrying 2/3 HTTP 500");
  }

  @Test
  void serverErrorOnEveryAttemptFailsNamingTheAttempts() {
    server.fault(SPARK, Fault.alwaysStatus(503));

    assertThatThrownBy(() -> fetcher().fetch(sparkArtifact(TestArtifacts.sha256(spark)), listener))
        .isInstanceOf(DownloadFailedException.class)
        .hasMessage("Download of " + server.uri(SPARK) + " failed after 3 attempts: HTTP 503.");
    assertThat(server.requestCount(SPARK)).isEqualTo(3);
  }

  @Test
  void truncatedBodyIsRetriedThenFailsNamingTheBytesReceived() {
    server.fault(SPARK, Fault.truncate(100));
    Checksum checksum = TestArtifacts.sha256(spark);

    assertThatThrownBy(() -> fetcher().fetch(sparkArtifact(checksum), listener))
        .isInstanceOf(DownloadFailedException.class)
        .hasMessage("Download of " + server.uri(SPARK) + " failed after 3 attempts: the connection closed after"
            + " 100 of " + spark.length + " bytes.");
    assertThat(server.requestCount(SPARK)).isEqualTo(3);
    assertThat(cache.directory().resolve(checksum.fileKey())).isEmptyDirectory();
  }

  @Test
  void stalledServerFailsWithAReadTimeout() {
    server.fault(SPARK, Fault.stall(10));

    assertThatThrownBy(() -> fetcher().fetch(sparkArtifact(TestArtifacts.sha256(spark)), listener))
        .isInstanceOf(DownloadFailedException.class)
        .hasMessage("Download of " + server.uri(SPARK) + " failed after 3 attempts: no data received for 500 ms"
            + " (read timeout, after 10 bytes).");
    assertThat(server.requestCount(SPARK)).isEqualTo(3);
  }

  @Test
  void redirectsAreFollowed() throws Exception {
    server.fault("/moved.tgz", Fault.redirect(server.uri(SPARK).toString()));
    Artifact artifact = TestArtifacts.pinned("spark", "2.4.8-hadoop2.7", server.uri("/moved.tgz"),
        TestArtifacts.sha256(spark), "*");

    FetchedArtifact fetched = fetcher().fetch(artifact, listener);

    assertThat(Files.readAllBytes(fetched.file())).isEqualTo(spark);
    assertThat(server.requestCount("/moved.tgz")).isEqualTo(1);
    assertThat(server.requestCount(SPARK)).isEqualTo(1);
  }

  @Test
  void corruptCacheEntryIsDetectedDiscardedAndDownloadedAgain() throws Exception {
    Checksum checksum = TestArtifacts.sha256(spark);
    FetchedArtifact first = fetcher().fetch(sparkArtifact(checksum), listener);
    Files.write(first.file(), "corrupted".getBytes(StandardCharsets.UTF_8));
    server.resetCounts();

    FetchedArtifact second = fetcher().fetch(sparkArtifact(checksum), listener);

    assertThat(Files.readAllBytes(second.file())).isEqualTo(spark);
    assertThat(server.requestCount(SPARK)).isEqualTo(1);
    assertThat(listener.events("cacheEntryDiscarded")).containsExactly("cacheEntryDiscarded its sha256 is "
        + TestArtifacts.sha256("corrupted".getBytes(StandardCharsets.UTF_8)).hex() + ", not " + checksum.hex());
  }

  @Test
  void userAgentNamesTheToolkitAndItsVersion() throws Exception {
    DownloadSettings settings = DownloadSettings.defaults();
    ArtifactFetcher fetcher = new ArtifactFetcher(new HttpFetcher(settings, java.net.ProxySelector.of(null)),
        cache, Optional.empty());

    fetcher.fetch(sparkArtifact(TestArtifacts.sha256(spark)), listener);

    assertThat(server.requests().get(0).userAgent()).matches("pio-buildpack/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\d+\\)");
  }

  @Test
  void httpProxyVariableIsHonoured() throws Exception {
    EnvironmentProxySelector proxy = EnvironmentProxySelector.from(Environment.of(Map.of(
        "HTTP_PROXY", "http://127.0.0.1:" + server.port())));
    ArtifactFetcher fetcher = new ArtifactFetcher(new HttpFetcher(TestArtifacts.fastSettings(), proxy), cache,
        Optional.empty());
    Artifact artifact = TestArtifacts.pinned("spark", "2.4.8-hadoop2.7",
        URI.create("http://archive.pio-origin.invalid" + SPARK), TestArtifacts.sha256(spark), "*");

    fetcher.fetch(artifact, listener);

    assertThat(server.requests()).hasSize(1);
    assertThat(server.requests().get(0).target()).isEqualTo("http://archive.pio-origin.invalid" + SPARK);
  }

  @Test
  void mirrorBaseUrlReplacesEveryOrigin() throws Exception {
    server.serve("/mirror/spark-2.4.8-bin-hadoop2.7.tgz", spark);
    Mirror mirror = Mirror.from(Environment.of(Map.of(Mirror.PIO_DEPENDENCY_MIRROR,
        server.uri("/mirror").toString()))).orElseThrow();
    Artifact artifact = TestArtifacts.pinned("spark", "2.4.8-hadoop2.7",
        URI.create("https://archive.pio-origin.invalid" + SPARK), TestArtifacts.sha256(spark), "*");

    FetchedArtifact fetched = new ArtifactFetcher(TestArtifacts.fetcher(), cache, Optional.of(mirror))
        .fetch(artifact, listener);

    assertThat(fetched.source()).isEqualTo(server.uri("/mirror/spark-2.4.8-bin-hadoop2.7.tgz"));
    assertThat(server.requestCount("/mirror/spark-2.4.8-bin-hadoop2.7.tgz")).isEqualTo(1);
  }

  @Test
  void mirrorDirectoryServesFilesByNameOrByChecksum() throws Exception {
    Path mirrorDir = Files.createDirectories(temp.resolve("mirror"));
    Checksum checksum = TestArtifacts.sha256(spark);
    Files.write(mirrorDir.resolve(checksum.fileKey()), spark);
    Mirror mirror = Mirror.from(Environment.of(Map.of(Mirror.PIO_DEPENDENCY_MIRROR, mirrorDir.toString())))
        .orElseThrow();
    Artifact artifact = TestArtifacts.pinned("spark", "2.4.8-hadoop2.7",
        URI.create("https://archive.pio-origin.invalid" + SPARK), checksum, "*");

    FetchedArtifact fetched = new ArtifactFetcher(TestArtifacts.fetcher(), cache, Optional.of(mirror))
        .fetch(artifact, listener);

    assertThat(Files.readAllBytes(fetched.file())).isEqualTo(spark);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void mirrorThatIsNeitherUrlNorDirectoryIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> Mirror.from(Environment.of(Map.of(Mirror.PIO_DEPENDENCY_MIRROR, "mirror.local"))))
        .hasMessage("PIO_DEPENDENCY_MIRROR=mirror.local is neither an http(s) URL nor an existing directory"
            + " (give an absolute path)");
  }

  @Test
  void unverifiedOverrideIsReportedAndNeverCached() throws Exception {
    Artifact artifact = new Artifact("predictionio", "0.11.0-incubating", "any", "any", server.uri(SPARK), null,
        null, null, "tar.gz", "*", "override");

    FetchedArtifact fetched = fetcher().fetch(artifact, listener);

    assertThat(fetched.verification()).isEqualTo(Artifact.Verification.UNVERIFIED);
    assertThat(fetched.temporary()).isTrue();
    assertThat(listener.events("unverified")).containsExactly("unverified " + server.uri(SPARK));
    fetcher().fetch(artifact, listener);
    assertThat(server.requestCount(SPARK)).isEqualTo(2);
  }

  @Test
  void unreadablePublishedChecksumFileFailsNamingIt() {
    URI checksumUrl = server.serve(SPARK + ".sha512", "<html>error</html>".getBytes(StandardCharsets.UTF_8));
    Artifact artifact = TestArtifacts.published("spark", "2.4.8-hadoop2.7", server.uri(SPARK), checksumUrl, "*");

    assertThatThrownBy(() -> fetcher().fetch(artifact, listener))
        .isInstanceOf(InstallException.class)
        .hasMessage("Cannot verify spark 2.4.8-hadoop2.7: " + checksumUrl + " holds no sha512 checksum of"
            + " spark-2.4.8-bin-hadoop2.7.tgz (expected \"<hex>  spark-2.4.8-bin-hadoop2.7.tgz\","
            + " \"spark-2.4.8-bin-hadoop2.7.tgz: <HEX GROUPS>\" or a bare hex value).");
  }

  @Test
  void refusedConnectionIsRetriedThenFailsNamingIt() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + "/spark.tgz");
    Artifact artifact = TestArtifacts.pinned("spark", "2.4.8-hadoop2.7", url, TestArtifacts.sha256(spark), "*");

    assertThatThrownBy(() -> fetcher().fetch(artifact, listener))
        .isInstanceOf(DownloadFailedException.class)
        .hasMessage("Download of " + url + " failed after 3 attempts: cannot connect (ConnectException).");
    assertThat(listener.events("retrying")).hasSize(2);
  }

  @Test
  void progressEndsWithTheFullSizeAndIsNeverAFlood() throws Exception {
    byte[] big = new byte[8 << 20];
    new java.util.Random(3).nextBytes(big);
    server.serve("/big.tgz", big);
    Artifact artifact = TestArtifacts.pinned("spark", "2.4.8-hadoop2.7", server.uri("/big.tgz"),
        TestArtifacts.sha256(big), "*");

    fetcher().fetch(artifact, listener);

    assertThat(listener.events("progress")).hasSizeBetween(1, 11).doesNotHaveDuplicates()
        .endsWith("progress " + big.length + "/" + big.length);
  }

  @Test
  void preSignedQueryNeverReachesMessages() {
    server.fault(SPARK, Fault.notFound());
    URI signed = URI.create(server.uri(SPARK) + "?X-Amz-Signature=secret-signature");
    Artifact artifact = TestArtifacts.pinned("spark", "2.4.8-hadoop2.7", signed, TestArtifacts.sha256(spark), "*");

    assertThatThrownBy(() -> fetcher().fetch(artifact, listener))
        .isInstanceOf(DownloadFailedException.class)
        .hasMessage("Download of " + server.uri(SPARK) + "?… failed: HTTP 404 (not retried).");
  }

  /** What {@code gpg --print-md SHA512 <file>} prints: name, colon, upper-case hex in groups of 8, wrapped. */
  static String gpgPrintMd(String fileName, Checksum sha512) {
    String hex = sha512.hex().toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(fileName).append(": ");
    for (int i = 0; i < hex.length(); i += 8) {
      if (i > 0) {
        out.append(i % 48 == 0 ? "\n" + " ".repeat(fileName.length() + 2) : " ");
      }
      out.append(hex, i, i + 8);
    }
    return out.append('\n').toString();
  }

}
