package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

class ReleaseYamlTest {

  private static JsonNode parse(String yaml) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(yaml);
  }

  @Test
  void engineVariantDeclaresWebTrainAndReleaseAsTheBundledProcfile() throws Exception {
    String yaml = ReleaseYaml.render(false);

    assertThat(yaml).startsWith("---\n");
    JsonNode types = parse(yaml).get("default_process_types");
    assertThat(types.size()).isEqualTo(3);
    assertThat(types.get("web").asText()).isEqualTo("bin/heroku-buildpack-pio-web");
    assertThat(types.get("train").asText()).isEqualTo("bin/heroku-buildpack-pio-train");
    assertThat(types.get("release").asText()).isEqualTo("bin/heroku-buildpack-pio-release");
  }

  @Test
  void eventServerVariantRunsThisToolkitsEventServer() throws Exception {
    JsonNode types = parse(ReleaseYaml.render(true)).get("default_process_types");

    assertThat(types.size()).isEqualTo(2);
    assertThat(types.get("web").asText()).isEqualTo("bin/pio-data eventserver");
    assertThat(types.get("release").asText()).isEqualTo("bin/heroku-buildpack-pio-release");
  }

  @Test
  void processesAreReadFromTheProcfileTemplatesInOrder() {
    assertThat(ReleaseYaml.processes(false).keySet()).containsExactly("web", "train", "release");
    assertThat(ReleaseYaml.processes(true).keySet()).containsExactly("web", "release");
  }
}
