package io.piobuildpack.buildpack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.Templates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchProcessesTest {

  @Test
  void engineImageHasTheProcfileProcessesPlusLoadDataAndEventServerWithWebAsDefault() throws Exception {
    JsonNode processes = render(false);

    assertThat(lines(processes)).containsExactly(
        "web [bin/heroku-buildpack-pio-web] default=true",
        "release [bin/heroku-buildpack-pio-release] default=false",
        "train [bin/heroku-buildpack-pio-train] default=false",
        "load-data [bin/heroku-buildpack-pio-load-data] default=false",
        "eventserver [bin/pio-data, eventserver] default=false");
  }

  @Test
  void eventServerImageServesTheEventServerOnWebAndHasNoTrain() throws Exception {
    assertThat(lines(render(true))).containsExactly(
        "web [bin/pio-data, eventserver] default=true",
        "release [bin/heroku-buildpack-pio-release] default=false",
        "load-data [bin/heroku-buildpack-pio-load-data] default=false",
        "eventserver [bin/pio-data, eventserver] default=false");
  }

  private static JsonNode render(boolean eventServer) throws Exception {
    return new TomlMapper().readTree(new TemplateEngine().render(Templates.LAUNCH_TOML,
        LaunchProcesses.of(eventServer))).get("processes");
  }

  private static List<String> lines(JsonNode processes) {
    List<String> lines = new ArrayList<>();
    for (JsonNode process : processes) {
      List<String> command = new ArrayList<>();
      process.get("command").forEach(part -> command.add(part.textValue()));
      lines.add(process.get("type").textValue() + " " + command + " default=" + process.get("default").booleanValue());
    }
    return lines;
  }
}
