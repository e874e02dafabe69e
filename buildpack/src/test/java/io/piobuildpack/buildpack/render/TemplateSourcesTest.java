package io.piobuildpack.buildpack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.templates.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateSourcesTest {

  @TempDir
  Path app;

  private final RecordingListener listener = new RecordingListener();

  @Test
  void withoutOverrideTheBundledTemplateIsUsed() {
    TemplateSource source = new TemplateSources(app, listener).resolve(Templates.CORE_SITE);

    assertThat(source.kind()).isEqualTo(TemplateSource.Kind.BUNDLED);
    assertThat(source.name()).isEqualTo("bundled core-site.xml.mustache");
  }

  @Test
  void appFixedFileWinsOverTheBundledTemplate() throws Exception {
    write("config/core-site.xml", "<configuration/>");

    TemplateSource source = new TemplateSources(app, listener).resolve(Templates.CORE_SITE);

    assertThat(source.kind()).isEqualTo(TemplateSource.Kind.APP_FILE);
    assertThat(source.name()).isEqualTo("config/core-site.xml");
    assertThat(source.file()).contains(app.resolve("config/core-site.xml"));
  }

  @Test
  void appMustacheTemplateWinsOverTheBundledTemplate() throws Exception {
    write("config/spark-defaults.conf.mustache", "spark.x=1\n");

    TemplateSource source = new TemplateSources(app, listener).resolve(Templates.SPARK_DEFAULTS);

    assertThat(source.kind()).isEqualTo(TemplateSource.Kind.APP_TEMPLATE);
    assertThat(source.name()).isEqualTo("config/spark-defaults.conf.mustache");
  }

  @Test
  void fixedFileAndTemplateTogetherAreAnError() throws Exception {
    write("config/elasticsearch.yml", "{}");
    write("config/elasticsearch.yml.mustache", "{}");

    assertThatThrownBy(() -> new TemplateSources(app, listener).resolve(Templates.ELASTICSEARCH_YML))
        .isInstanceOf(OverrideException.class)
        .hasMessage("both config/elasticsearch.yml and config/elasticsearch.yml.mustache exist: keep"
            + " config/elasticsearch.yml for a fixed file or config/elasticsearch.yml.mustache for a template, not"
            + " both");
  }

  @Test
  void originalErbOverrideAloneFailsExplainingHowToConvertIt() throws Exception {
    write("config/core-site.xml.erb", "<%= ENV[\"PIO_S3_BUCKET_NAME\"] %>");

    assertThatThrownBy(() -> new TemplateSources(app, listener).resolve(Templates.CORE_SITE))
        .isInstanceOf(OverrideException.class)
        .hasMessage("config/core-site.xml.erb is an ERB template of the original buildpack, which pio-buildpack no"
            + " longer renders (no Ruby runs at dyno start). Rename it to config/core-site.xml.mustache and write"
            + " each <%= ... %> as a Mustache {{variable}} of the model listed in docs/templates.md, or put the final"
            + " content in config/core-site.xml.")
        .satisfies(e -> assertThat(((OverrideException) e).file()).isEqualTo(Path.of("config/core-site.xml.erb")));
  }

  @Test
  void erbNextToAMustacheOverrideIsReportedAsIgnored() throws Exception {
    write("config/spark-defaults.conf.erb", "x");
    write("config/spark-defaults.conf.mustache", "spark.x=1\n");

    TemplateSource source = new TemplateSources(app, listener).resolve(Templates.SPARK_DEFAULTS);

    assertThat(source.kind()).isEqualTo(TemplateSource.Kind.APP_TEMPLATE);
    assertThat(listener.lines).containsExactly(
        "ignored config/spark-defaults.conf.erb (using config/spark-defaults.conf.mustache)");
  }

  private void write(String relative, String text) throws Exception {
    Files.createDirectories(app.resolve(relative).getParent());
    Files.writeString(app.resolve(relative), text);
  }
}
