package io.piobuildpack.core.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.piobuildpack.core.store.CreatedApp;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.NewApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Starts the event server on a loopback port over a store, sends it one request of each kind (create, batch, find,
 * get, delete, webhook, and the usual client mistakes) and checks each status: a smoke test of an installation,
 * and the workload from which the {@code pio-data} launcher records its class-data archive, so that later starts
 * load the same classes from the archive instead of from the jar. Uses an app of its own, deleted afterwards.
 */
public final class EventServerSelfTest {

  /** How the test went: the requests sent (all answered as expected) and the time from start to stop. */
  public record Result(int requests, Duration took) {}

  private static final String EVENT = "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\","
      + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4.5},"
      + "\"eventTime\":\"2004-12-13T21:39:45.618-07:00\"}";
  private static final String SEGMENT_IDENTIFY = "{\"version\":\"2\",\"type\":\"identify\",\"user_id\":\"u2\","
      + "\"timestamp\":\"2015-01-01T00:00:00Z\",\"sent_at\":\"2015-01-01T00:00:01Z\",\"traits\":{\"plan\":\"pro\"}}";
  private static final int TIMEOUT_MILLIS = 10_000;

  private final EventStore store;

  public EventServerSelfTest(EventStore store) {
    this.store = store;
  }

  /**
   * Runs the test.
   *
   * @throws SelfTestFailedException naming the first request answered otherwise than PredictionIO's server would
   */
  public Result run() {
    long begin = System.nanoTime();
    CreatedApp app = store.apps().create(NewApp.named("pio-data-self-test-" + UUID.randomUUID()));
    try (EventServer server = EventServer.start(
        EventServerConfig.defaults(new ListenAddress("127.0.0.1", 0)), store)) {
      Client client = new Client(server.uri(), app.accessKey().key());
      client.expect(200, "GET", "/", null);
      String created = client.expect(201, "POST", "/events.json?accessKey=%s", EVENT);
      String eventId = eventId(created);
      client.expect(200, "GET", "/events/" + eventId + ".json?accessKey=%s", null);
      client.expect(200, "POST", "/batch/events.json?accessKey=%s", "[" + EVENT + ",{\"event\":\"rate\"}]");
      client.expect(200, "GET", "/events.json?accessKey=%s&entityType=user&entityId=u1&limit=-1", null);
      client.expect(201, "POST", "/webhooks/segmentio.json?accessKey=%s", SEGMENT_IDENTIFY);
      client.expect(200, "DELETE", "/events/" + eventId + ".json?accessKey=%s", null);
      client.expect(404, "GET", "/events/" + eventId + ".json?accessKey=%s", null);
      client.expect(400, "POST", "/events.json?accessKey=%s", "{\"event\":");
      client.expect(401, "POST", "/events.json?accessKey=not-a-key", EVENT);
      return new Result(client.requests, Duration.ofNanos(System.nanoTime() - begin));
    } finally {
      store.apps().delete(app.app().id());
    }
  }

  private static String eventId(String body) {
    try {
      String id = new ObjectMapper().readTree(body).path("eventId").asText("");
      if (id.isEmpty()) {
        throw new SelfTestFailedException("POST /events.json answered 201 without an eventId: " + body);
      }
      return id;
    } catch (IOException e) {
      throw new SelfTestFailedException("POST /events.json answered 201 with a body that is not JSON: " + body);
    }
  }

  /** A minimal HTTP client on the JDK's URL connection, counting requests. */
  private static final class Client {

    private final URI base;
    private final String accessKey;
    private int requests;

    Client(URI base, String accessKey) {
      this.base = base;
      this.accessKey = accessKey;
    }

    /** Sends the request ({@code %s} in the path is the access key) and returns the body of the expected answer. */
    String expect(int status, String method, String pathTemplate, String json) {
      String path = pathTemplate.replace("%s", accessKey);
      String shown = method + " " + pathTemplate.replace("%s", "…").replaceFirst("\\?.*", "");
      requests++;
      try {
        HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        connection.setRequestMethod(method);
        // No idle keep-alive connection left behind: a graceful stop would wait for it to time out.
        connection.setRequestProperty("Connection", "close");
        if (json != null) {
          connection.setDoOutput(true);
          connection.setRequestProperty("Content-Type", "application/json");
          try (OutputStream body = connection.getOutputStream()) {
            body.write(json.getBytes(StandardCharsets.UTF_8));
          }
        }
        int answered = connection.getResponseCode();
        String body = read(answered < 400 ? connection.getInputStream() : connection.getErrorStream());
        if (answered != status) {
          throw new SelfTestFailedException(shown + " answered " + answered + " (expected " + status + "): " + body);
        }
        return body;
      } catch (IOException e) {
        throw new SelfTestFailedException(shown + " failed: " + e);
      }
    }

    private static String read(InputStream in) throws IOException {
      if (in == null) {
        return "";
      }
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
