package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.piobuildpack.buildpack.heroku.HerokuExitCode;
import io.piobuildpack.buildpack.install.inventory.Inventory;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.heroku.HerokuDeployer;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.app.RealEngines;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 10: the files of real public Heroku engines ({@code template.json}, {@code engine.json}, {@code app.json},
 * {@code data/initial-events.json}), read from {@code PIO_IT_ENGINES_DIR} (default {@code ../shared/fixtures/engines}
 * from the repository root; the test fails when it is missing) and copied into a temporary git repository, never
 * into this one, with a generated minimal {@code build.sbt} when the engine has none. Each is deployed the Heroku way
 * with the PredictionIO release its {@code template.json} asks for (a release the inventory refuses, such as the
 * 0.12.0-incubating both public engines ask for, from {@code PREDICTIONIO_DIST_URL} and its checksum), and every
 * event of its {@code initial-events.json} must be in PostgreSQL with its fields and properties. Without {@code
 * PREDICTIONIO_DIST_URL} an engine of a refused release is detected, then refused at compile naming the release and
 * the variable. Point {@code PIO_IT_ENGINES_DIR} at a directory of your own engines (PredictionIO 0.11.0-incubating
 * to 0.14.0) to run the same checks on them.
 */
class RealEnginesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode INVENTORY = bundledInventory();

  /** Numbers compare by value (a stored 42 may come back as a long, the file's as an int). */
  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
      ? new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) : a.equals(b) ? 0 : 1;

  @TempDir Path temp;

  @Test
  void everyInitialEventOfEachRealEngineIsInPostgresWithItsProperties() throws Exception {
    List<Path> engines = RealEngines.directories();
    try (Scenario scenario = Scenario.in(temp)) {
      for (Path engine : engines) {
        String name = engine.getFileName().toString();
        String appName = appName(engine).orElse(name);
        AppFixture app = AppFixture.copyOf(engine, temp.resolve("apps").resolve(name));
        if (!app.exists("build.sbt")) {
          app.write("build.sbt", minimalBuildSbt(name, requestedVersion(engine)));
        }
        app.initGit().commit("the engine " + name);
        TestDatabase database = scenario.database();
        Map<String, String> vars = Scenario.configVars(database, appName);
        String version = requestedVersion(engine);
        String file = StandInArtifacts.predictionIoFile(version);
        assertThat(scenario.artifacts.files()).as("%s asks for PredictionIO %s, which the stand-in artifacts do not "
            + "provide", name, version).contains(file);
        if (StandInArtifacts.installsOnlyFromUrl(file)) {
          vars.put("PREDICTIONIO_DIST_URL", scenario.artifacts.uri(file).toString());
          vars.put("PREDICTIONIO_DIST_CHECKSUM", scenario.artifacts.checksum(file));
        }
        HerokuDeployer heroku = scenario.heroku(name);

        Deployment deployment = heroku.deploy(new AppSource(app.dir()), vars);

        assertThat(deployment.succeeded()).as("%s: %s", name, deployment.phases()).isTrue();
        assertThat(deployment.require("bin/detect").stdout()).as(name).isEqualTo("PredictionIO\n");
        assertThat(deployment.require("bin/compile").stdout()).as(name)
            .contains("Installing PredictionIO " + version + ", Spark " + sparkDefault(version));
        Path slug = deployment.appDir();
        assertThat(slug.resolve("PredictionIO-dist/vendors/spark-hadoop/bin/spark-submit")).isExecutable();
        assertThat(slug.resolve("Procfile")).content().contains("release: bin/heroku-buildpack-pio-release");
        assertThat(slug.resolve("data/initial-events.json")).hasSameTextualContentAs(
            engine.resolve("data/initial-events.json"));
        List<JsonNode> expected = initialEvents(engine.resolve("data/initial-events.json"));
        List<Event> stored = StoredEvents.data(database, appName);
        System.out.printf("%s: %d events in data/initial-events.json, %d stored%n", name, expected.size(),
            stored.size());
        assertThat(stored).as(name).hasSize(expected.size());
        List<Event> unmatched = new ArrayList<>(stored);
        for (JsonNode event : expected) {
          Optional<Event> match = unmatched.stream().filter(e -> matches(event, e)).findFirst();
          assertThat(match).as("%s: stored event for %s", name, event).isPresent();
          unmatched.remove(match.get());
        }
        assertThat(unmatched).as(name).isEmpty();
      }
    }
  }

  @Test
  void withoutPredictionIoDistUrlAnEngineOfARefusedReleaseIsDetectedThenRefusedNamingTheVersionAndTheVariable()
      throws Exception {
    List<Path> engines = new ArrayList<>();
    for (Path engine : RealEngines.directories()) {
      if (StandInArtifacts.installsOnlyFromUrl(StandInArtifacts.predictionIoFile(requestedVersion(engine)))) {
        engines.add(engine);
      }
    }
    assumeTrue(!engines.isEmpty(), "no engine in PIO_IT_ENGINES_DIR asks for a release the inventory refuses");
    try (Scenario scenario = Scenario.in(temp)) {
      for (Path engine : engines) {
        String name = engine.getFileName().toString();
        AppFixture app = AppFixture.copyOf(engine, temp.resolve("apps").resolve(name));
        HerokuDeployer heroku = scenario.heroku(name);

        Deployment deployment = heroku.deploy(new AppSource(app.dir()), Map.of());

        PhaseResult detect = deployment.require("bin/detect");
        assertThat(detect.exitCode()).as("%s: %s", name, detect).isZero();
        assertThat(detect.stdout()).as(name).isEqualTo("PredictionIO\n");
        PhaseResult refused = deployment.require("bin/compile");
        assertThat(refused.exitCode()).as("%s: %s", name, refused).isEqualTo(HerokuExitCode.UNSUPPORTED_VERSION.code());
        assertThat(refused.stderr()).as(name).contains(requestedVersion(engine)).contains("PREDICTIONIO_DIST_URL");
        assertThat(deployment.succeeded()).as(name).isFalse();
      }
    }
  }

  /** {@code PIO_EVENTSERVER_APP_NAME} as the engine's {@code app.json} sets it (a value or {@code {"value": ...}}). */
  private static Optional<String> appName(Path engine) throws IOException {
    Path appJson = engine.resolve("app.json");
    if (!Files.isRegularFile(appJson)) {
      return Optional.empty();
    }
    JsonNode variable = JSON.readTree(appJson.toFile()).path("env").path("PIO_EVENTSERVER_APP_NAME");
    JsonNode value = variable.isObject() ? variable.path("value") : variable;
    return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static String minimalBuildSbt(String name, String version) {
    return "name := \"" + name + "\"\n\nscalaVersion := \"2.11.8\"\n\nlibraryDependencies += "
        + "\"org.apache.predictionio\" %% \"apache-predictionio-core\" % \"" + version + "\" % \"provided\"\n";
  }

  /**
   * The PredictionIO release the engine asks for, as the buildpack reads it: {@code pio.version.min} of its
   * {@code template.json}, else the inventory's default.
   */
  private static String requestedVersion(Path engine) throws IOException {
    Path template = engine.resolve("template.json");
    JsonNode min = Files.isRegularFile(template) ? JSON.readTree(template.toFile()).path("pio").path("version")
        .path("min") : JSON.missingNode();
    return min.isTextual() ? min.asText() : INVENTORY.path("predictionio").path("default").asText();
  }

  /** The Spark release the bundled inventory pairs with this PredictionIO release by default. */
  private static String sparkDefault(String version) {
    for (String list : List.of("releases", "refused")) {
      for (JsonNode release : INVENTORY.path("predictionio").path(list)) {
        if (release.path("version").asText().equals(version)) {
          return release.path("sparkDefault").asText();
        }
      }
    }
    throw new AssertionError("PredictionIO " + version + " is not in the bundled inventory");
  }

  private static JsonNode bundledInventory() {
    try (InputStream in = Inventory.class.getResourceAsStream(Inventory.RESOURCE)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-blank line of the file as JSON (the last line may lack its newline). */
  private static List<JsonNode> initialEvents(Path file) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }

  /**
   * Whether a stored event is the file's event: the id when the file gives one (else the store generated it), the
   * name, entity, target, properties, and the time when the file gives one (else the import time).
   */
  private static boolean matches(JsonNode expected, Event stored) {
    if (expected.hasNonNull("eventId") && !stored.eventIdOpt().orElse("").equals(expected.get("eventId").asText())) {
      return false;
    }
    if (expected.hasNonNull("eventTime") && !OffsetDateTime.parse(expected.get("eventTime").asText()).toInstant()
        .equals(stored.eventTime().toInstant())) {
      return false;
    }
    JsonNode properties = expected.hasNonNull("properties") ? expected.get("properties")
        : JsonNodeFactory.instance.objectNode();
    return stored.event().equals(expected.path("event").asText())
        && stored.entityType().equals(expected.path("entityType").asText())
        && stored.entityId().equals(expected.path("entityId").asText())
        && stored.targetEntityTypeOpt().equals(optionalText(expected, "targetEntityType"))
        && stored.targetEntityIdOpt().equals(optionalText(expected, "targetEntityId"))
        && properties.equals(SAME_VALUE, JSON.valueToTree(stored.properties().asMap()));
  }

  private static Optional<String> optionalText(JsonNode event, String field) {
    return event.hasNonNull(field) ? Optional.of(event.get(field).asText()) : Optional.empty();
  }
}
