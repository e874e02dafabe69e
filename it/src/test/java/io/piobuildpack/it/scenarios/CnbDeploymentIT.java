package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.artifacts.StandInEngineServer;
import io.piobuildpack.it.cnb.CnbDeployer;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.deploy.Deployment.StartedProcess;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 8 of issue 16: whole CNB deployments of the packaged buildpack through {@link CnbDeployer} (checkout,
 * platform env, detect, build, the {@code release} process, the default process with {@code PORT}), against the
 * stand-in artifact server and a fresh PostgreSQL database per app; then a second deployment, which rebuilds with
 * the layers restored as the lifecycle restores them, downloads nothing and launches again.
 */
class CnbDeploymentIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Two events in the batch format of {@code pio import}, the second without properties. */
  private static final String INITIAL_EVENTS =
      "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\","
          + "\"targetEntityId\":\"i1\",\"properties\":{\"rating\":5},\"eventTime\":\"2024-01-01T00:00:00.000Z\"}\n"
          + "{\"event\":\"buy\",\"entityType\":\"user\",\"entityId\":\"u2\",\"targetEntityType\":\"item\","
          + "\"targetEntityId\":\"i2\",\"eventTime\":\"2024-01-02T00:00:00.000Z\"}\n";
  private static final List<String> ENGINE_LAYERS = List.of("jdk", "spark", "predictionio", "toolkit");

  @TempDir Path temp;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void anEngineLoadsItsInitialEventsServesWebAndRedeploysWithoutADownload() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      StandInArtifacts artifacts = scenario.artifacts;
      TestDatabase database = scenario.database();
      AppFixture app = scenario.engineApp("cnb-engine", INITIAL_EVENTS);
      String commit = app.commit("a push to deploy");
      Map<String, String> config = Scenario.configVars(database, "cnb-engine");
      CnbDeployer deployer = scenario.cnb("cnb-engine");

      Deployment first = deployer.deploy(new AppSource(app.dir()), config);

      assertThat(first.succeeded()).as(summary(first)).isTrue();
      assertThat(first.sourceVersion()).contains(commit);
      assertThat(first.phases()).extracting(p -> p.phase())
          .containsExactly("bin/detect", "bin/build", "release process");
      assertThat(first.phases()).as("the access key is never printed")
          .noneMatch(p -> p.output().contains(Scenario.ACCESS_KEY));
      for (String file : List.of(StandInArtifacts.PREDICTIONIO_0_14_0, StandInArtifacts.SPARK_2_4_0,
          StandInArtifacts.JDK_ZULU_1_8_0_502, StandInArtifacts.JRE_TEMURIN_17_0_20,
          StandInArtifacts.POSTGRESQL_JDBC_42_7_8)) {
        assertThat(artifacts.requestCount(file)).as(file).isEqualTo(1);
      }
      assertThat(artifacts.recording().calls()).as("pio calls").anyMatch(call -> call.startsWith("build"))
          .anyMatch(call -> call.startsWith("train"));
      assertThat(storedEvents(database, "cnb-engine")).as(first.require("release process").output())
          .containsExactlyElementsOf(eventsOf(INITIAL_EVENTS));
      assertThat(completedInitialLoads(database, "cnb-engine")).isEqualTo(1);
      assertThat(accessKeysOf(database, "cnb-engine")).containsExactly(Scenario.ACCESS_KEY);
      assertWebAnswers(first, "web", StandInEngineServer.STATUS_BODY);

      artifacts.resetCounts();
      Deployment second = deployer.deploy(new AppSource(app.dir()), config);

      assertThat(second.succeeded()).as(summary(second)).isTrue();
      assertThat(artifacts.requestCount()).as("requests to the artifact server during the rebuild").isZero();
      for (String layer : ENGINE_LAYERS) {
        assertThat(second.require("bin/build").stdout()).contains("- Layer " + layer + ": reusing");
      }
      assertThat(first.process("web").orElseThrow().process().isAlive()).as("the first web process").isFalse();
      assertThat(storedEvents(database, "cnb-engine")).as("no event duplicated by the second release")
          .containsExactlyElementsOf(eventsOf(INITIAL_EVENTS));
      assertThat(completedInitialLoads(database, "cnb-engine")).isEqualTo(1);
      assertWebAnswers(second, "web", StandInEngineServer.STATUS_BODY);
    }
  }

  @Test
  void anEventServerAppStoresAPostedEventAndRedeploysWithoutADownload() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      StandInArtifacts artifacts = scenario.artifacts;
      TestDatabase database = scenario.database();
      // no engine.json, only the data hooks' files: the release creates the app and its key
      AppFixture app = scenario.eventServerApp("cnb-events", INITIAL_EVENTS);
      Map<String, String> config = Scenario.configVars(database, "cnb-events");
      CnbDeployer deployer = scenario.cnb("cnb-events");
      config.put("PIO_RUN_AS_EVENTSERVER", "true");

      Deployment first = deployer.deploy(new AppSource(app.dir()), config);

      assertThat(first.succeeded()).as(summary(first)).isTrue();
      assertThat(first.phases()).extracting(p -> p.phase())
          .containsExactly("bin/detect", "bin/build", "release process");
      assertThat(first.phases()).as("the access key is never printed")
          .noneMatch(p -> p.output().contains(Scenario.ACCESS_KEY));
      assertThat(artifacts.requestCount(StandInArtifacts.JRE_TEMURIN_17_0_20)).isEqualTo(1);
      assertThat(artifacts.requestCount()).as("only the toolkit's JRE is downloaded").isEqualTo(1);
      assertThat(first.require("release process").output()).doesNotContain("Running train");
      assertThat(storedEvents(database, "cnb-events")).containsExactlyElementsOf(eventsOf(INITIAL_EVENTS));
      assertThat(completedInitialLoads(database, "cnb-events")).isEqualTo(1);
      assertThat(accessKeysOf(database, "cnb-events")).containsExactly(Scenario.ACCESS_KEY);
      assertWebAnswers(first, "eventserver", "alive");
      String posted = "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u7\",\"targetEntityType\":"
          + "\"item\",\"targetEntityId\":\"i7\",\"properties\":{\"seconds\":12,\"page\":\"home\"},"
          + "\"eventTime\":\"2024-03-01T10:00:00.000Z\"}";
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(
          URI.create(baseUri(first, "eventserver") + "/events.json?accessKey=" + Scenario.ACCESS_KEY))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(posted)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(JSON.readTree(created.body()).path("eventId").asText()).isNotEmpty();
      assertThat(storedEvents(database, "cnb-events")).containsExactlyElementsOf(eventsOf(INITIAL_EVENTS + posted));

      artifacts.resetCounts();
      Deployment second = deployer.deploy(new AppSource(app.dir()), config);

      assertThat(second.succeeded()).as(summary(second)).isTrue();
      assertThat(artifacts.requestCount()).as("requests to the artifact server during the rebuild").isZero();
      assertThat(second.require("bin/build").stdout()).contains("- Layer toolkit: reusing");
      assertWebAnswers(second, "eventserver", "alive");
      assertThat(storedEvents(database, "cnb-events")).containsExactlyElementsOf(eventsOf(INITIAL_EVENTS + posted));
    }
  }

  private void assertWebAnswers(Deployment deployment, String type, String bodyPart) throws Exception {
    StartedProcess started = deployment.process(type).orElseThrow(
        () -> new AssertionError("no " + type + " process started: " + summary(deployment)));
    assertThat(started.listening()).as(started.process().log()).isTrue();
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUri(deployment, type) + "/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains(bodyPart);
  }

  private static String baseUri(Deployment deployment, String type) {
    return "http://127.0.0.1:" + deployment.process(type).orElseThrow().process().port();
  }

  private static String summary(Deployment deployment) {
    return deployment.phases().stream().map(Object::toString).collect(Collectors.joining("\n"))
        + deployment.processes().stream().map(p -> "\n" + p.process().type() + " listening=" + p.listening() + "\n"
            + p.process().log()).collect(Collectors.joining());
  }

  /** An event as the store keeps it: name, entity, target entity, properties (none = {@code {}}). */
  record StoredEvent(String event, String entityType, String entityId, Optional<String> targetEntityType,
      Optional<String> targetEntityId, JsonNode properties) {}

  /** The events of lines in the batch format of {@code pio import}, in file order. */
  private static List<StoredEvent> eventsOf(String lines) throws IOException {
    List<StoredEvent> events = new ArrayList<>();
    for (String line : lines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode event = JSON.readTree(line);
      events.add(new StoredEvent(event.path("event").asText(), event.path("entityType").asText(),
          event.path("entityId").asText(), Optional.ofNullable(event.path("targetEntityType").textValue()),
          Optional.ofNullable(event.path("targetEntityId").textValue()),
          event.has("properties") ? event.get("properties") : JSON.createObjectNode()));
    }
    return events;
  }

  /**
   * Every event of the app's table {@code pio_event_<app id>} but the hooks' checkpoints (entity type
   * {@code checkpoint}), by event time.
   */
  private static List<StoredEvent> storedEvents(TestDatabase database, String appName)
      throws SQLException, IOException {
    try (Connection connection = database.connect()) {
      int appId = appId(connection, appName);
      List<StoredEvent> events = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT event, entityType, entityId, "
          + "targetEntityType, targetEntityId, properties FROM pio_event_" + appId
          + " WHERE entityType <> 'checkpoint' ORDER BY eventTime, id");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String properties = rows.getString(6);
          events.add(new StoredEvent(rows.getString(1), rows.getString(2), rows.getString(3),
              Optional.ofNullable(rows.getString(4)), Optional.ofNullable(rows.getString(5)),
              properties == null || properties.isEmpty() ? JSON.createObjectNode() : JSON.readTree(properties)));
        }
      }
      return events;
    }
  }

  /**
   * How many initial-load checkpoints of the data hooks say the load completed: the {@code $set} of entity
   * {@code checkpoint}/{@code pio-buildpack-initial-load} with {@code completedAt} (README, "Data hooks").
   */
  private static int completedInitialLoads(TestDatabase database, String appName) throws SQLException, IOException {
    try (Connection connection = database.connect();
        PreparedStatement select = connection.prepareStatement("SELECT event, properties FROM pio_event_"
            + appId(connection, appName) + " WHERE entityType = 'checkpoint' AND entityId = "
            + "'pio-buildpack-initial-load'");
        ResultSet rows = select.executeQuery()) {
      int completed = 0;
      while (rows.next()) {
        if (rows.getString(1).equals("$set") && JSON.readTree(rows.getString(2)).hasNonNull("completedAt")) {
          completed++;
        }
      }
      return completed;
    }
  }

  private static List<String> accessKeysOf(TestDatabase database, String appName) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement select = connection.prepareStatement(
            "SELECT accesskey FROM pio_meta_accesskeys WHERE appid = ? ORDER BY accesskey")) {
      select.setInt(1, appId(connection, appName));
      List<String> keys = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
      return keys;
    }
  }

  private static int appId(Connection connection, String appName) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT id FROM pio_meta_apps WHERE name = ?")) {
      select.setString(1, appName);
      try (ResultSet app = select.executeQuery()) {
        assertThat(app.next()).as("app " + appName + " in pio_meta_apps").isTrue();
        return app.getInt(1);
      }
    }
  }
}
