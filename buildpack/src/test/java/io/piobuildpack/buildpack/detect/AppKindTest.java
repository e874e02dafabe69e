package io.piobuildpack.buildpack.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.InvalidVariableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppKindTest {

  @TempDir Path app;

  private static final Environment NONE = Environment.of(Map.of());

  @Test
  void engineJsonMakesAnEngine() throws Exception {
    Files.writeString(app.resolve("engine.json"), "{}");

    assertThat(AppKind.detect(app, NONE)).contains(AppKind.ENGINE);
  }

  @Test
  void runAsEventServerWinsOverEngineJson() throws Exception {
    Files.writeString(app.resolve("engine.json"), "{}");

    assertThat(AppKind.detect(app, Environment.of(Map.of("PIO_RUN_AS_EVENTSERVER", " True "))))
        .contains(AppKind.EVENT_SERVER);
  }

  @Test
  void dataHooksWithoutAnEngineMakeAnEventServerApp() throws Exception {
    Files.createDirectories(app.resolve("data"));
    Files.writeString(app.resolve("data/create-sync-events"), "#!/bin/sh\n");

    assertThat(AppKind.detect(app, NONE)).contains(AppKind.EVENT_SERVER);
  }

  @Test
  void procfileOrAppJsonMarkersMakeAnEventServerApp() throws Exception {
    Files.writeString(app.resolve("Procfile"), "web: bin/pio-data eventserver\n");
    assertThat(AppKind.detect(app, NONE)).contains(AppKind.EVENT_SERVER);

    Files.delete(app.resolve("Procfile"));
    Files.writeString(app.resolve("app.json"), "{\"env\": {\"PIO_RUN_AS_EVENTSERVER\": {\"value\": \"true\"}}}");
    assertThat(AppKind.detect(app, NONE)).contains(AppKind.EVENT_SERVER);
  }

  @Test
  void anyOtherAppIsNotAPredictionIoApp() throws Exception {
    Files.writeString(app.resolve("Procfile"), "web: node server.js\n");
    Files.writeString(app.resolve("package.json"), "{}");

    assertThat(AppKind.detect(app, NONE)).isEmpty();
  }

  @Test
  void anUnusableFlagIsNamed() {
    assertThatThrownBy(() -> AppKind.detect(app, Environment.of(Map.of("PIO_RUN_AS_EVENTSERVER", "yes"))))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessageContaining("PIO_RUN_AS_EVENTSERVER must be true or false, not 'yes'");
  }
}
