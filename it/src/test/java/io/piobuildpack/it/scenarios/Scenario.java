package io.piobuildpack.it.scenarios;

import io.piobuildpack.it.PackagedBuildpack;
import io.piobuildpack.it.artifacts.StandInArtifacts;
import io.piobuildpack.it.cnb.CnbDeployer;
import io.piobuildpack.it.cnb.CnbLifecycle;
import io.piobuildpack.it.deploy.BuildpackCopy;
import io.piobuildpack.it.deploy.DeploySettings;
import io.piobuildpack.it.heroku.HerokuDeployer;
import io.piobuildpack.testsupport.app.AppFixture;
import io.piobuildpack.testsupport.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every scenario starts from: the packaged buildpack ({@link PackagedBuildpack#directory()}), the stand-in artifacts served from a loopback server with their test inventory, and helpers
 * for apps (git repositories), one fresh PostgreSQL database per deployed app (dropped on close) and deployers
 * for both platforms. Everything it made is stopped or dropped on {@link #close()}.
 */
final class Scenario implements AutoCloseable {

  /** The access key the data hooks give the app ({@code PIO_EVENTSERVER_ACCESS_KEY}). */
  static final String ACCESS_KEY = "it-access-key-0123456789abcdef0123456789abcdef0123456789abcdef";

  final Path root;
  final StandInArtifacts artifacts;
  private final List<AutoCloseable> owned = new ArrayList<>();

  private Scenario(Path root) {
    this.root = root;
    this.artifacts = StandInArtifacts.start(root.resolve("artifacts"));
  }

  /** A scenario working under {@code root} (a {@code @TempDir}). */
  static Scenario in(Path root) {
    return new Scenario(root);
  }

  /** Build settings: the test inventory, a phase limit that keeps a hung test short, a 30 s boot limit. */
  DeploySettings settings() {
    return new DeploySettings(Map.of("PIO_BUILDPACK_INVENTORY", artifacts.inventory().toString()),
        Duration.ofMinutes(5), Duration.ofSeconds(30), true);
  }

  /** A Heroku deployer for one app, its work directory {@code <root>/heroku-<name>}. */
  HerokuDeployer heroku(String name) {
    return own(new HerokuDeployer(PackagedBuildpack.directory(), root.resolve("heroku-" + name), settings()));
  }

  /**
   * A CNB deployer for one app, on a copy of the packaged buildpack holding the test inventory (a CNB build reads
   * its inventory override from the buildpack directory).
   */
  CnbDeployer cnb(String name) {
    Path copy = BuildpackCopy.copy(PackagedBuildpack.directory(), root.resolve("cnb-" + name + "-buildpack"));
    artifacts.installInventoryInto(copy);
    // when the tests run as root the CNB phases and processes run as nobody: they must reach the buildpack copy
    // and the work directory under this (root-only) temporary directory, and the stand-in pio writes its
    // recordings under the artifacts' root
    try {
      CnbLifecycle.handOver(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand " + root + " over to the build user", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return own(new CnbDeployer(copy, root.resolve("cnb-" + name), settings()));
  }

  /** A fresh PostgreSQL database, dropped when the scenario closes. */
  TestDatabase database() {
    return own(TestDatabase.create());
  }

  /**
   * The config vars of an app whose events go to {@code database}: {@code DATABASE_URL}, the app's name and access
   * key, and {@code PIO_POSTGRES_OPTIONAL_SSL=true} (the local server has no TLS; on Heroku the toolkit requires it).
   */
  static Map<String, String> configVars(TestDatabase database, String appName) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("DATABASE_URL", database.databaseUrl());
    vars.put("PIO_POSTGRES_OPTIONAL_SSL", "true");
    vars.put("PIO_EVENTSERVER_APP_NAME", appName);
    vars.put("PIO_EVENTSERVER_ACCESS_KEY", ACCESS_KEY);
    return vars;
  }

  /**
   * An engine app as a git repository: engine.json, template.json asking for PredictionIO 0.14.0, build.sbt, a
   * source file and {@code data/initial-events.json} holding {@code initialEvents}, committed.
   */
  AppFixture engineApp(String name, String initialEvents) {
    AppFixture app = AppFixture.in(root.resolve("apps").resolve(name))
        .write("engine.json", "{\"id\": \"default\", \"engineFactory\": \"org.example.RecommendationEngine\"}\n")
        .write("template.json", "{\"pio\": {\"version\": {\"min\": \"0.14.0\"}}}\n")
        .write("build.sbt", "name := \"" + name + "\"\n")
        .write("src/main/scala/Engine.scala", "object RecommendationEngine\n")
        .write("data/initial-events.json", initialEvents)
        .initGit();
    app.commit("engine " + name);
    return app;
  }

  /** An event-server app (no engine.json) as a git repository with {@code data/initial-events.json}. */
  AppFixture eventServerApp(String name, String initialEvents) {
    AppFixture app = AppFixture.in(root.resolve("apps").resolve(name))
        .write("README.md", "An event server deployed with pio-buildpack.\n")
        .write("data/initial-events.json", initialEvents)
        .initGit();
    app.commit("event server " + name);
    return app;
  }

  private <T extends AutoCloseable> T own(T resource) {
    owned.add(resource);
    return resource;
  }

  @Override
  public void close() {
    Exception first = null;
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    artifacts.close();
    if (first != null) {
      throw new IllegalStateException("cleaning up the scenario failed", first);
    }
  }
}
