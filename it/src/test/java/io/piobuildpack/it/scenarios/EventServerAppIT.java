package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.heroku.HerokuDeployer;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import io.prediction.EventClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 7: an event-server app (no {@code engine.json}): its {@code web} process is this project's event server
 * ({@code bin/pio-data eventserver}) on the app's PostgreSQL; events posted over HTTP, one by one and in a batch,
 * and with the official Java SDK ({@code io.prediction:client:0.8.3}) are stored and read back through the Event
 * API. The slug holds neither PredictionIO nor Spark nor a JDK 8; its size is printed.
 */
class EventServerAppIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SLUG_LIMIT_BYTES = 150_000_000L;

  @TempDir static Path temp;

  private static Scenario scenario;
  private static TestDatabase database;
  private static Deployment deployment;

  /** One deployment of an event-server app (three initial events) for every test of the class. */
  @BeforeAll
  static void deployAnEventServerApp() {
    scenario = Scenario.in(temp);
    database = scenario.database();
    AppFixture app = scenario.eventServerApp("events", EngineEvents.rates("initial", 1, 3));
    HerokuDeployer heroku = scenario.heroku("events");
    deployment = heroku.deploy(new AppSource(app.dir()), Scenario.configVars(database, "events"));
    assertThat(deployment.succeeded()).as("%s", deployment.phases()).isTrue();
  }

  @AfterAll
  static void stop() {
    if (scenario != null) {
      scenario.close();
    }
  }

  @Test
  void eventsPostedOverHttpAndWithTheJavaSdkAreStoredInPostgresAndReadable() throws Exception {
    assertThat(deployment.require("bin/release").stdout()).contains("web: \"bin/pio-data eventserver\"");
    Deployment.StartedProcess web = deployment.process("web").orElseThrow();
    assertThat(web.listening()).as(web.process().log()).isTrue();
    String base = "http://127.0.0.1:" + web.process().port();
    String key = "?accessKey=" + Scenario.ACCESS_KEY;
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> single = http.send(HttpRequest.newBuilder(URI.create(base + "/events.json" + key))
        .POST(HttpRequest.BodyPublishers.ofString(EngineEvents.rates("http", 1, 1))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(single.statusCode()).as(single.body()).isEqualTo(201);
    assertThat(JSON.readTree(single.body()).path("eventId").asText()).isEqualTo("http-1");

    String batchBody = "[" + String.join(",", EngineEvents.rates("batch", 1, 3).strip().split("\\R")) + "]";
    HttpResponse<String> batch = http.send(HttpRequest.newBuilder(URI.create(base + "/batch/events.json" + key))
        .POST(HttpRequest.BodyPublishers.ofString(batchBody)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
    assertThat(JSON.readTree(batch.body())).extracting(item -> item.path("status").asInt() + " "
        + item.path("eventId").asText()).containsExactly("201 batch-1", "201 batch-2", "201 batch-3");

    List<String> sdkIds = new ArrayList<>();
    EventClient client = new EventClient(Scenario.ACCESS_KEY, base);
    try {
      sdkIds.add(client.createEvent(new io.prediction.Event().event("view").entityType("user").entityId("sdk-u1")
          .targetEntityType("item").targetEntityId("sdk-i1").property("source", "java-sdk")
          .eventTime(new DateTime(2024, 2, 1, 12, 0, DateTimeZone.UTC))));
      sdkIds.add(client.setUser("sdk-u2", Map.of("plan", "gold")));
      io.prediction.Event readBack = client.getEvent(sdkIds.get(0));
      assertThat(readBack.getEntityId()).isEqualTo("sdk-u1");
      assertThat(readBack.getProperties()).containsEntry("source", "java-sdk");
    } finally {
      client.close();
    }

    List<Event> stored = StoredEvents.data(database, "events");
    List<String> expectedIds = new ArrayList<>(EngineEvents.ids("initial", 1, 3));
    expectedIds.addAll(List.of("http-1", "batch-1", "batch-2", "batch-3"));
    expectedIds.addAll(sdkIds);
    assertThat(stored).extracting(e -> e.eventIdOpt().orElseThrow()).containsExactlyInAnyOrderElementsOf(expectedIds);
    Event sdkView = stored.stream().filter(e -> e.eventIdOpt().orElseThrow().equals(sdkIds.get(0))).findFirst()
        .orElseThrow();
    assertThat(sdkView.event()).isEqualTo("view");
    assertThat(sdkView.targetEntityIdOpt()).contains("sdk-i1");
    assertThat(sdkView.eventTime().toInstant()).isEqualTo("2024-02-01T12:00:00Z");
    Event sdkSet = stored.stream().filter(e -> e.eventIdOpt().orElseThrow().equals(sdkIds.get(1))).findFirst()
        .orElseThrow();
    assertThat(sdkSet.event()).isEqualTo("$set");
    assertThat(sdkSet.properties().asMap()).containsExactly(Map.entry("plan", "gold"));

    HttpResponse<String> all = http.send(HttpRequest.newBuilder(URI.create(base + "/events.json" + key
        + "&limit=-1")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    List<String> readIds = new ArrayList<>();
    for (JsonNode event : JSON.readTree(all.body())) {
      if (!event.path("entityType").asText().equals("checkpoint")) {
        readIds.add(event.path("eventId").asText());
      }
    }
    assertThat(readIds).containsExactlyInAnyOrderElementsOf(expectedIds);
  }

  @Test
  void theEventServerSlugHasNoPredictionIoSparkOrJdk8AndStaysUnder150Megabytes() {
    System.out.printf(Locale.ROOT, "event-server slug: %.1f MB (with the stand-in JRE 17)%n",
        deployment.appBytes() / 1_000_000.0);
    assertThat(deployment.appDir().resolve("PredictionIO-dist")).doesNotExist();
    assertThat(deployment.appDir().resolve(".jdk")).doesNotExist();
    assertThat(deployment.appDir().resolve(".pio-buildpack/lib/pio-data.jar")).isRegularFile();
    assertThat(deployment.appBytes()).isPositive().isLessThan(SLUG_LIMIT_BYTES);
  }
}
