package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.heroku.HerokuDeployer;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 1: the first {@code git push heroku main} of an engine: detect, compile installing from the artifact
 * server, the release phase creating the app and loading its initial events into PostgreSQL and training with the
 * configured options, then the web process (the engine server, {@code pio deploy}) answering on {@code PORT}.
 */
class FirstDeployIT {

  @TempDir Path temp;

  @Test
  void aFirstDeployInstallsLoadsTheInitialEventsTrainsAndStartsTheEngine() throws Exception {
    try (Scenario scenario = Scenario.in(temp)) {
      TestDatabase database = scenario.database();
      AppFixture app = scenario.engineApp("recommender", EngineEvents.rates("initial", 1, 25));
      Map<String, String> vars = Scenario.configVars(database, "recommender");
      vars.put("PIO_OPTS", "--variant engine.json");
      vars.put("PIO_TRAIN_SPARK_OPTS", "--executor-memory 1g");
      vars.put("PIO_CONTAINER_MEMORY_MB", "1024");
      HerokuDeployer heroku = scenario.heroku("recommender");

      Deployment deployment = heroku.deploy(new AppSource(app.dir()), vars);

      assertThat(deployment.succeeded()).as("%s", deployment.phases()).isTrue();
      assertThat(deployment.require("bin/detect").stdout()).isEqualTo("PredictionIO\n");
      assertThat(deployment.require("bin/compile").stdout())
          .contains("Installing PredictionIO 0.14.0, Spark 2.4.0")
          .contains("Your engine is ready for training.");
      assertThat(scenario.artifacts.requestCount(StandInArtifacts.PREDICTIONIO_0_14_0)).isEqualTo(1);
      assertThat(scenario.artifacts.requestCount(StandInArtifacts.SPARK_2_4_0)).isEqualTo(1);
      assertThat(deployment.sourceVersion()).isPresent();

      assertThat(deployment.require("release process").output()).doesNotContain(Scenario.ACCESS_KEY);
      assertThat(StoredEvents.app(database, "recommender")).as(deployment.require("release process").output())
          .isPresent();
      var stored = StoredEvents.data(database, "recommender");
      assertThat(stored).extracting(e -> e.eventIdOpt().orElseThrow())
          .containsExactlyInAnyOrderElementsOf(EngineEvents.ids("initial", 1, 25));
      Event seventh = stored.stream().filter(e -> e.eventIdOpt().orElseThrow().equals("initial-7")).findFirst()
          .orElseThrow();
      assertThat(seventh.event()).isEqualTo("rate");
      assertThat(seventh.entityId()).isEqualTo("u7");
      assertThat(seventh.targetEntityIdOpt()).contains("i7");
      assertThat(seventh.properties().asMap()).containsOnlyKeys("rating");
      assertThat(((Number) seventh.properties().get("rating")).intValue()).isEqualTo(3);

      assertThat(scenario.artifacts.recording().calls())
          .contains("train --variant engine.json -- --driver-memory 768m --executor-memory 1g");
      Deployment.StartedProcess web = deployment.process("web").orElseThrow();
      assertThat(web.listening()).as(web.process().log()).isTrue();
      HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + web.process().port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(scenario.artifacts.recording().calls()).anyMatch(call -> call.startsWith(
          "deploy --port " + web.process().port() + " --variant engine.json"));
    }
  }
}
