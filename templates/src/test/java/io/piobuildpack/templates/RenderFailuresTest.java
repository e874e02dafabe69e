package io.piobuildpack.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.templates.model.CoreSite;
import io.piobuildpack.templates.model.Credentials;
import io.piobuildpack.templates.model.ElasticsearchConnection;
import io.piobuildpack.templates.model.ElasticsearchYml;
import io.piobuildpack.templates.model.JdbcConnection;
import io.piobuildpack.templates.model.LaunchProcess;
import io.piobuildpack.templates.model.LaunchToml;
import io.piobuildpack.templates.model.NoValues;
import io.piobuildpack.templates.model.PioPath;
import io.piobuildpack.templates.model.RuntimeEnv;
import io.piobuildpack.templates.model.S3Storage;
import io.piobuildpack.templates.model.SparkDefaults;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values a format cannot carry, and templates that would bypass escaping, fail naming template and variable. */
class RenderFailuresTest {

  private final TemplateEngine engine = new TemplateEngine();

  @Test
  void nulInAShellValueFailsNamingTemplateAndVariable() {
    RuntimeEnv model = new RuntimeEnv(Optional.of(new JdbcConnection("jdbc:x", "u", "pa\0ss")), Optional.empty(),
        "127.0.0.1", Optional.empty());

    assertThatThrownBy(() -> engine.render(Templates.RUNTIME_ENV_SH, model))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageStartingWith("runtime/env.sh.mustache: {{password}}: the value cannot be written in SHELL")
        .hasMessageContaining("NUL")
        .hasMessageNotContaining("pa\0ss")
        .satisfies(e -> assertThat(((TemplateRenderException) e).variable()).isEqualTo("password"));
  }

  @Test
  void nulFailsInEveryFormat() {
    String nul = "a\0b";
    ElasticsearchConnection es = new ElasticsearchConnection("http", nul, 1, false, Optional.empty());
    assertThatThrownBy(() -> engine.render(Templates.RUNTIME_ENV_TOML,
        new RuntimeEnv(Optional.empty(), Optional.empty(), nul, Optional.empty())))
        .hasMessageStartingWith("runtime/env.toml.mustache: {{sparkLocalIp}}");
    assertThatThrownBy(() -> engine.render(Templates.SPARK_DEFAULTS, new SparkDefaults(Optional.of(es))))
        .hasMessageStartingWith("spark-defaults.conf.mustache: {{host}}");
    assertThatThrownBy(() -> engine.render(Templates.CORE_SITE,
        new CoreSite(Optional.of(new S3Storage(nul, Optional.empty(), Optional.empty())))))
        .hasMessageStartingWith("core-site.xml.mustache: {{bucket}}");
    assertThatThrownBy(() -> engine.render(Templates.ELASTICSEARCH_YML, "config/elasticsearch.yml.mustache",
        "{{#elasticsearch}}h: {{host}}{{/elasticsearch}}", new ElasticsearchYml(Optional.of(es))))
        .hasMessageStartingWith("config/elasticsearch.yml.mustache: {{host}}");
    assertThatThrownBy(() -> engine.render(Templates.LAUNCH_TOML,
        new LaunchToml(List.of(new LaunchProcess(nul, List.of("x"), List.of(), true)))))
        .hasMessageStartingWith("cnb/launch.toml.mustache: {{type}}");
  }

  @Test
  void loneSurrogateFails() {
    assertThatThrownBy(() -> engine.render(Templates.PIO_PATH, new PioPath("a\uD800b")))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("{{pioHome}}").hasMessageContaining("unpaired UTF-16 surrogate (U+D800)");
  }

  @Test
  void sparkValueWithLeadingOrTrailingSpaceFailsBecauseSparkTrimsIt() {
    for (String value : List.of(" pass", "pass ", "pass\n")) {
      SparkDefaults model = new SparkDefaults(Optional.of(new ElasticsearchConnection("http", "h", 1, false,
          Optional.of(new Credentials("u", value)))));

      assertThatThrownBy(() -> engine.render(Templates.SPARK_DEFAULTS, model))
          .hasMessageStartingWith("spark-defaults.conf.mustache: {{password}}")
          .hasMessageContaining("Spark trims");
    }
  }

  @Test
  void xmlControlCharacterFails() {
    CoreSite model = new CoreSite(Optional.of(new S3Storage("b", Optional.of(new Credentials("id", "x\u0007y")),
        Optional.empty())));

    assertThatThrownBy(() -> engine.render(Templates.CORE_SITE, model))
        .hasMessageStartingWith("core-site.xml.mustache: {{password}}")
        .hasMessageContaining("U+0007").hasMessageContaining("XML 1.0 does not allow");
  }

  @Test
  void unescapedTagsAreRefusedWhenTheTemplateIsCompiled() {
    for (String tag : List.of("{{{pioHome}}}", "{{&pioHome}}")) {
      assertThatThrownBy(() -> engine.render(Templates.PIO_PATH, "config/x.mustache", "a=" + tag, new PioPath("p")))
          .isInstanceOf(TemplateRenderException.class)
          .hasMessageStartingWith("config/x.mustache: {{pioHome}}: unescaped output");
    }
  }

  @Test
  void aNameTheModelDoesNotHaveFailsInsteadOfPrintingNothing() {
    assertThatThrownBy(() -> engine.render(Templates.PIO_PATH, "config/x.mustache", "a={{pioHomee}}\n",
        new PioPath("p")))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageStartingWith("config/x.mustache: {{pioHomee}}: the model has no such value");
  }

  @Test
  void anEmptyOptionalOutsideASectionFails() {
    assertThatThrownBy(() -> engine.render(Templates.CORE_SITE, "config/core-site.xml.mustache", "<a>{{s3}}</a>",
        new CoreSite(Optional.empty())))
        .hasMessageStartingWith("config/core-site.xml.mustache: {{s3}}: the model has no such value, or it is empty");
  }

  @Test
  void partialsAreRefused() {
    assertThatThrownBy(() -> engine.render(Templates.PIO_PATH, "config/x.mustache", "{{> /etc/passwd}}",
        new PioPath("p")))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessageContaining("partials").hasMessageStartingWith("config/x.mustache");
  }

  @Test
  void aValueInATemplateWithoutValuesFails() {
    assertThatThrownBy(() -> engine.render(Templates.PROCFILE_ENGINE, "Procfile.mustache", "web: {{x}}",
        new NoValues()))
        .isInstanceOf(TemplateRenderException.class).hasMessageStartingWith("Procfile.mustache: {{x}}");
  }

  @Test
  void everyBundledTemplateExistsAndCompiles() {
    for (Template<?> template : Templates.all()) {
      assertThat(TemplateEngine.bundledText(template)).as(template.resource()).isNotBlank()
          .doesNotContain("{{{").doesNotContain("{{&").doesNotContain("{{>");
    }
  }
}
