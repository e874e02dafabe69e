package io.piobuildpack.buildpack.cnb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.buildpack.detect.AppKind;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** launch.toml as rendered by the template and parsed back: argument arrays, one default per kind of app. */
class CnbProcessesTest {

  private static final Path APP = Path.of("/workspace");

  @Test
  void engineImageHasTheProcfileProcessesPlusLoadDataAndEventServerWithWebAsDefault() throws Exception {
    assertThat(lines(render(AppKind.ENGINE))).containsExactly(
        "web [/workspace/bin/heroku-buildpack-pio-web] default=true",
        "release [/workspace/bin/heroku-buildpack-pio-release] default=false",
        "train [/workspace/bin/heroku-buildpack-pio-train] default=false",
        "load-data [/workspace/bin/heroku-buildpack-pio-load-data] default=false",
        "eventserver [/workspace/bin/pio-data, eventserver] default=false");
  }

  @Test
  void eventServerImageDefaultsToTheEventServerAlsoServesItOnWebAndHasNoTrain() throws Exception {
    assertThat(lines(render(AppKind.EVENT_SERVER))).containsExactly(
        "eventserver [/workspace/bin/pio-data, eventserver] default=true",
        "web [/workspace/bin/pio-data, eventserver] default=false",
        "release [/workspace/bin/heroku-buildpack-pio-release] default=false",
        "load-data [/workspace/bin/heroku-buildpack-pio-load-data] default=false");
  }

  private static JsonNode render(AppKind kind) throws Exception {
    return new TomlMapper().readTree(new TemplateEngine().render(Templates.LAUNCH_TOML, CnbProcesses.of(kind, APP)))
        .get("processes");
  }

  private static List<String> lines(JsonNode processes) {
    List<String> lines = new ArrayList<>();
    for (JsonNode process : processes) {
      List<String> command = new ArrayList<>();
      process.get("command").forEach(part -> command.add(part.textValue()));
      assertThat(process.get("args").isArray()).isTrue();
      lines.add(process.get("type").textValue() + " " + command + " default=" + process.get("default").booleanValue());
    }
    return lines;
  }
}
