package io.piobuildpack.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackFileServerTest {

  private final LoopbackFileServer server = LoopbackFileServer.start();
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).header("User-Agent", "test-agent").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void servesFilesOnLoopbackAndCountsRequests() throws Exception {
    URI uri = server.serve("/a/file.txt", "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    assertThat(get(uri).body()).isEqualTo("hello");
    assertThat(get(uri).statusCode()).isEqualTo(200);
    assertThat(server.requestCount("/a/file.txt")).isEqualTo(2);
    assertThat(server.requests().get(0).userAgent()).isEqualTo("test-agent");
    assertThat(get(server.uri("/missing")).statusCode()).isEqualTo(404);
  }

  @Test
  void statusFaultAnswersThatStatusThenServes() throws Exception {
    URI uri = server.serve("/f", "ok".getBytes(StandardCharsets.UTF_8));
    server.fault("/f", Fault.statusThenSuccess(500, 2));

    assertThat(get(uri).statusCode()).isEqualTo(500);
    assertThat(get(uri).statusCode()).isEqualTo(500);
    assertThat(get(uri).body()).isEqualTo("ok");
  }

  @Test
  void notFoundWrongBytesAndRedirectFaults() throws Exception {
    URI uri = server.serve("/f", "ok".getBytes(StandardCharsets.UTF_8));
    server.fault("/f", Fault.notFound());
    assertThat(get(uri).statusCode()).isEqualTo(404);

    server.fault("/f", Fault.wrongBytes("bad".getBytes(StandardCharsets.UTF_8)));
    assertThat(get(uri).body()).isEqualTo("bad");

    server.clearFault("/f");
    server.fault("/old", Fault.redirect(uri.toString()));
    assertThat(get(server.uri("/old")).body()).isEqualTo("ok");
    assertThat(server.requestCount("/old")).isEqualTo(1);
  }

  @Test
  void truncateFaultCutsTheBody() {
    URI uri = server.serve("/f", new byte[1000]);
    server.fault("/f", Fault.truncate(10));

    assertThatThrownBy(() -> get(uri)).isInstanceOf(IOException.class);
  }

  @Test
  void latencyFaultAnswersNormallyAfterTheDelay() throws Exception {
    URI uri = server.serve("/f", "ok".getBytes(StandardCharsets.UTF_8));
    server.fault("/f", Fault.latency(Duration.ofMillis(300)));

    long start = System.nanoTime();
    HttpResponse<String> response = get(uri);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    server.clearFault("/f");
    assertThat(get(uri).body()).isEqualTo("ok");
  }

  @Test
  void stallFaultSendsNothingMoreUntilClosed() {
    URI uri = server.serve("/f", new byte[1000]);
    server.fault("/f", Fault.stall(10));

    CompletableFuture<HttpResponse<byte[]>> response =
        client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThatThrownBy(() -> response.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    response.cancel(true);
  }
}
