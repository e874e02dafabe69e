package io.piobuildpack.core.server;

import static io.piobuildpack.core.server.PeerFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of error answer the server gives — the routes' own and those Jetty gives before any route runs — is
 * {@code {"message": ...}} JSON with {@code Content-Type: application/json; charset=UTF-8}, whatever the method.
 * Requests are written byte for byte, since the JDK client refuses to send most of them.
 */
class ErrorResponsesTest {

  private static final String JSON = "application/json; charset=UTF-8";

  @TempDir
  Path directory;

  private EventStore store;
  private EventServer server;

  @BeforeEach
  void start() {
    store = JdbcEventStore.open(StorageSettings.of("jdbc:sqlite:" + directory.resolve("pio.db"), null, null));
    PeerFixture.seed(store);
    server = EventServer.start(EventServerConfig.defaults(new ListenAddress("127.0.0.1", 0)).withAccessLog(false)
        .withMaxBodyBytes(64 * 1024).withStopTimeout(Duration.ofMillis(100)), store);
  }

  @AfterEach
  void stop() {
    server.stop();
    store.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "DELETE", "PUT", "POST"})
  void ambiguousPathSegmentIs400JsonForEveryMethod(String method) {
    assertJsonError(RawExchange.request(server.uri(), method, "/events/%2e%2e/x.json?accessKey=" + KEY), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "DELETE"})
  void emptyPathSegmentIs400Json(String method) {
    assertJsonError(RawExchange.request(server.uri(), method, "/events//x.json?accessKey=" + KEY), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "DELETE"})
  void badPercentEncodingIs400Json(String method) {
    assertJsonError(RawExchange.request(server.uri(), method, "/events/%zz.json?accessKey=" + KEY), 400);
    assertJsonError(RawExchange.request(server.uri(), method, "/events/%C3%28.json?accessKey=" + KEY), 400);
  }

  @Test
  void malformedRequestLineIs400JsonAndUnknownVersion505Json() {
    assertJsonError(RawExchange.send(server.uri(), "GET / HTTP/9.9", new byte[0]), 505);
    assertJsonError(RawExchange.send(server.uri(), "G@T / HTTP/1.1\r\nHost: x", new byte[0]), 400);
  }

  @Test
  void missingHostHeaderIs400Json() {
    assertJsonError(RawExchange.send(server.uri(), "GET / HTTP/1.1", new byte[0]), 400);
  }

  @Test
  void unknownRouteIs404JsonAndWrongMethodIs405Json() {
    assertJsonError(RawExchange.request(server.uri(), "DELETE", "/nosuchpath"), 404);
    RawExchange put = RawExchange.request(server.uri(), "PUT", "/events.json?accessKey=" + KEY);
    assertJsonError(put, 405);
    assertThat(put.header("Allow")).isEqualTo("POST, GET");
  }

  @Test
  void bodyOverTheLimitIs413Json() {
    byte[] body = ("{" + " ".repeat(100_000) + "}").getBytes(StandardCharsets.US_ASCII);
    assertJsonError(RawExchange.send(server.uri(), "POST /events.json?accessKey=" + KEY + " HTTP/1.1\r\n"
        + "Host: x\r\nContent-Type: application/json\r\nContent-Length: " + body.length, body), 413);
  }

  @Test
  void headersOverTheLimitAre431Json() {
    assertJsonError(RawExchange.send(server.uri(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "x".repeat(20_000),
        new byte[0]), 431);
  }

  @Test
  void uriOverTheLimitIs414Json() {
    assertJsonError(RawExchange.request(server.uri(), "DELETE", "/events/" + "a".repeat(20_000) + ".json"), 414);
  }

  @Test
  void unsupportedContentTypeIs415JsonAndAnUnknownCharsetReadsAsUtf8() {
    byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
    assertJsonError(RawExchange.send(server.uri(), "POST /events.json?accessKey=" + KEY + " HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: text/plain\r\nContent-Length: 2", body), 415);
    assertJsonError(RawExchange.send(server.uri(), "POST /events.json?accessKey=" + KEY + " HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/json; charset=x-no-such-charset\r\nContent-Length: 2", body), 400);
  }

  @Test
  void badContentLengthIs400Json() {
    assertJsonError(RawExchange.send(server.uri(), "POST /events.json HTTP/1.1\r\nHost: x\r\nContent-Length: -1",
        new byte[0]), 400);
  }

  @Test
  void malformedChunkedBodyIs400Json() {
    byte[] body = "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertJsonError(RawExchange.send(server.uri(), "POST /events.json?accessKey=" + KEY + " HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked", body), 400);
  }

  @Test
  void unknownExpectationIs417Json() {
    assertJsonError(RawExchange.send(server.uri(), "POST /events.json?accessKey=" + KEY + " HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/json\r\nExpect: teapot\r\nContent-Length: 2", "{}".getBytes(
        StandardCharsets.US_ASCII)), 417);
  }

  @ParameterizedTest
  @ValueSource(strings = {"OPTIONS", "TRACE", "PATCH", "FOO"})
  void otherMethodsAre405Json(String method) {
    assertJsonError(RawExchange.request(server.uri(), method, "/events.json?accessKey=" + KEY), 405);
  }

  @Test
  void badQueryEncodingIs400Json() {
    assertJsonError(RawExchange.request(server.uri(), "GET", "/events.json?accessKey=%zz"), 400);
  }

  @Test
  void missingAccessKeyIs401Json() {
    assertJsonError(RawExchange.request(server.uri(), "DELETE", "/events/x.json"), 401);
  }

  private static void assertJsonError(RawExchange answer, int... statuses) {
    assertThat(answer.status()).as("%s", answer).isIn((Object[]) java.util.Arrays.stream(statuses).boxed()
        .toArray(Integer[]::new));
    assertThat(answer.header("Content-Type")).as("%s", answer).isEqualTo(JSON);
    assertThat(answer.body()).as("%s", answer).matches("\\{\"message\":\"[^\"].*\"}");
  }
}
