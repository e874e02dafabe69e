package io.piobuildpack.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.it.deploy.Deployment;
import io.piobuildpack.it.heroku.HerokuDeployer;
import io.piobuildpack.it.process.PhaseResult;
import io.piobuildpack.it.source.AppSource;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.http.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: the second compile of the same app, with the build cache the first one filled. The stand-in archives
 * are a few KiB, so every download gets {@value #LATENCY_MILLIS} ms of latency, as from a distant mirror; without
 * it the time a cache saves would be lost in the noise of starting the JVMs. The compile times are printed.
 */
class WarmCacheIT {

  private static final long LATENCY_MILLIS = 400;

  /** What the engine app downloads on a cold cache. */
  private static final List<String> INSTALLED = List.of("predictionio 0.14.0", "spark 2.4.0-hadoop2.7",
      "postgresql-jdbc 42.7.8", "jdk 1.8.0_502 (linux/amd64)", "jre 17.0.20 (linux/amd64)");

  @TempDir static Path temp;

  private static Scenario scenario;
  private static PhaseResult cold;
  private static int coldRequests;
  private static PhaseResult warm;
  private static int warmRequests;

  @BeforeAll
  static void compileTwice() {
    scenario = Scenario.in(temp);
    scenario.artifacts.files().forEach(file -> scenario.artifacts.fault(file,
        Fault.latency(Duration.ofMillis(LATENCY_MILLIS))));
    AppFixture app = scenario.engineApp("cached", EngineEvents.rates("initial", 1, 3));
    Map<String, String> vars = Scenario.configVars(scenario.database(), "cached");
    HerokuDeployer heroku = scenario.heroku("cached");

    Deployment first = heroku.deploy(new AppSource(app.dir()), vars);
    assertThat(first.succeeded()).as("%s", first.phases()).isTrue();
    cold = first.require("bin/compile");
    coldRequests = scenario.artifacts.requestCount();
    scenario.artifacts.resetCounts();
    Deployment second = heroku.deploy(new AppSource(app.dir()), vars);
    assertThat(second.succeeded()).as("%s", second.phases()).isTrue();
    warm = second.require("bin/compile");
    warmRequests = scenario.artifacts.requestCount();
    System.out.printf(Locale.ROOT, "warm cache: first compile %.1f s, second %.1f s%n",
        cold.duration().toMillis() / 1000.0, warm.duration().toMillis() / 1000.0);
  }

  @AfterAll
  static void cleanUp() {
    if (scenario != null) {
      scenario.close();
    }
  }

  @Test
  void theSecondCompileMakesNoRequestToTheArtifactServer() {
    assertThat(coldRequests).as(cold.stdout()).isEqualTo(INSTALLED.size());
    assertThat(warmRequests).as(warm.stdout()).isZero();
  }

  @Test
  void theSecondCompileInstallsEverythingFromTheBuildCache() {
    List<String> lines = warm.stdout().lines().toList();
    for (String artifact : INSTALLED) {
      assertThat(lines).as(warm.stdout()).contains("       Using " + artifact + " from the download cache")
          .noneMatch(line -> line.startsWith("       Downloading " + artifact + " "));
    }
    assertThat(lines).as(warm.stdout()).anyMatch(line -> line.matches(
        "-----> Done in \\d+\\.\\d s: 5 installed, 0 unchanged; 0 downloaded, 5 from the build cache"));
    assertThat(cold.stdout().lines()).as(cold.stdout()).anyMatch(line -> line.matches(
        "-----> Done in \\d+\\.\\d s: 5 installed, 0 unchanged; 5 downloaded, 0 from the build cache"));
  }

  @Test
  void theSecondCompileIsFaster() {
    assertThat(warm.duration()).as("first compile %s, second %s", cold.duration(), warm.duration())
        .isLessThan(cold.duration());
  }
}
