package io.piobuildpack.templates;

import static io.piobuildpack.templates.Values.hostile;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.piobuildpack.templates.model.CoreSite;
import io.piobuildpack.templates.model.Credentials;
import io.piobuildpack.templates.model.ElasticsearchConnection;
import io.piobuildpack.templates.model.ElasticsearchYml;
import io.piobuildpack.templates.model.JdbcConnection;
import io.piobuildpack.templates.model.LaunchProcess;
import io.piobuildpack.templates.model.LaunchToml;
import io.piobuildpack.templates.model.NoValues;
import io.piobuildpack.templates.model.RuntimeEnv;
import io.piobuildpack.templates.model.S3Storage;
import io.piobuildpack.templates.model.SparkDefaults;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Golden files of the XML, properties, YAML, TOML and Procfile templates, each parsed back by a real parser. */
class ConfigTemplatesTest {

  private static final ElasticsearchConnection ES = new ElasticsearchConnection("https", "es.example.com", 443,
      true, Optional.of(new Credentials("elastic", "s3cret")));
  private static final ElasticsearchConnection HOSTILE_ES = new ElasticsearchConnection(hostile("scheme"),
      hostile("host"), 9200, false, Optional.of(new Credentials(hostile("user"), hostile("pass"))));

  private final TemplateEngine engine = new TemplateEngine();

  @TempDir
  Path dir;

  @Test
  void runtimeEnvShellExportsTheConnectionAndReadsBackLiterally() throws Exception {
    for (String variant : List.of("ordinary", "hostile")) {
      RuntimeEnv model = runtimeEnv(variant.equals("hostile"));
      String text = engine.render(Templates.RUNTIME_ENV_SH, model);
      Golden.assertMatches("env.sh." + variant, text);

      Map<String, String> vars = Shell.sourceAndRead(Shell.write(dir, "env-" + variant + ".sh", text), Map.of(),
          List.copyOf(expectedRuntimeVariables(model).keySet()));

      assertThat(vars).isEqualTo(expectedRuntimeVariables(model));
    }
  }

  @Test
  void runtimeEnvWithoutDatabaseOrElasticsearchExportsOnlySparkAddress() throws Exception {
    RuntimeEnv model = new RuntimeEnv(Optional.empty(), Optional.empty(), "127.0.0.1", Optional.empty());

    String text = engine.render(Templates.RUNTIME_ENV_SH, model);

    Golden.assertMatches("env.sh.empty", text);
    assertThat(Shell.sourceAndRead(Shell.write(dir, "env.sh", text), Map.of(),
        List.of("SPARK_LOCAL_IP", "PIO_STORAGE_SOURCES_PGSQL_URL", "SPARK_PUBLIC_DNS")))
        .containsOnly(Map.entry("SPARK_LOCAL_IP", "127.0.0.1"));
  }

  @Test
  void runtimeEnvTomlParsesToTheSameVariables() throws Exception {
    for (String variant : List.of("ordinary", "hostile")) {
      RuntimeEnv model = runtimeEnv(variant.equals("hostile"));
      String text = engine.render(Templates.RUNTIME_ENV_TOML, model);
      Golden.assertMatches("env.toml." + variant, text);

      JsonNode toml = new TomlMapper().readTree(text);

      Map<String, String> parsed = new LinkedHashMap<>();
      toml.properties().forEach(field -> parsed.put(field.getKey(), field.getValue().asText()));
      Map<String, String> expected = new LinkedHashMap<>(expectedRuntimeVariables(model));
      expected.remove("rc");
      assertThat(parsed).isEqualTo(expected);
    }
  }

  @Test
  void sparkDefaultsHasElasticsearchOptionsOnlyWhenConfiguredAndLoadsAsSparkReadsIt() throws Exception {
    String none = engine.render(Templates.SPARK_DEFAULTS, new SparkDefaults(Optional.empty()));
    Golden.assertMatches("spark-defaults.conf.none", none);
    assertThat(sparkProperties(none)).isEmpty();

    String ordinary = engine.render(Templates.SPARK_DEFAULTS, new SparkDefaults(Optional.of(ES)));
    Golden.assertMatches("spark-defaults.conf.ordinary", ordinary);
    assertThat(sparkProperties(ordinary)).containsEntry("spark.es.nodes", "es.example.com")
        .containsEntry("spark.es.port", "443").containsEntry("spark.es.nodes.wan.only", "true")
        .containsEntry("spark.es.net.ssl", "true").containsEntry("spark.es.net.http.auth.user", "elastic")
        .containsEntry("spark.es.net.http.auth.pass", "s3cret");

    String hostile = engine.render(Templates.SPARK_DEFAULTS, new SparkDefaults(Optional.of(HOSTILE_ES)));
    Golden.assertMatches("spark-defaults.conf.hostile", hostile);
    assertThat(sparkProperties(hostile)).containsEntry("spark.es.nodes", hostile("host"))
        .containsEntry("spark.es.net.ssl", "false").containsEntry("spark.es.net.http.auth.user", hostile("user"))
        .containsEntry("spark.es.net.http.auth.pass", hostile("pass")).hasSize(6);
  }

  @Test
  void coreSiteHasS3aOnlyWithABucketAndParsesAsXml() throws Exception {
    String none = engine.render(Templates.CORE_SITE, new CoreSite(Optional.empty()));
    Golden.assertMatches("core-site.xml.none", none);
    assertThat(hadoopProperties(none)).isEmpty();

    String ordinary = engine.render(Templates.CORE_SITE, new CoreSite(Optional.of(new S3Storage("my-models",
        Optional.of(new Credentials("AKIAEXAMPLE", "secret/key+1")), Optional.of("s3.eu-west-1.amazonaws.com")))));
    Golden.assertMatches("core-site.xml.ordinary", ordinary);
    assertThat(hadoopProperties(ordinary)).containsEntry("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem")
        .containsEntry("fs.defaultFS", "s3a://my-models").containsEntry("fs.s3a.access.key", "AKIAEXAMPLE")
        .containsEntry("fs.s3a.secret.key", "secret/key+1")
        .containsEntry("fs.s3a.endpoint", "s3.eu-west-1.amazonaws.com");

    String hostile = engine.render(Templates.CORE_SITE, new CoreSite(Optional.of(new S3Storage(hostile("bucket"),
        Optional.of(new Credentials(hostile("id"), hostile("secret"))), Optional.of(hostile("endpoint"))))));
    Golden.assertMatches("core-site.xml.hostile", hostile);
    assertThat(hadoopProperties(hostile)).containsEntry("fs.defaultFS", "s3a://" + hostile("bucket"))
        .containsEntry("fs.s3a.access.key", hostile("id")).containsEntry("fs.s3a.secret.key", hostile("secret"))
        .containsEntry("fs.s3a.endpoint", hostile("endpoint")).hasSize(5);
  }

  @Test
  void coreSiteWithoutKeysOrRegionLeavesThemToHadoopDefaults() throws Exception {
    String text = engine.render(Templates.CORE_SITE,
        new CoreSite(Optional.of(new S3Storage("b", Optional.empty(), Optional.empty()))));

    assertThat(hadoopProperties(text)).containsOnlyKeys("fs.s3a.impl", "fs.defaultFS");
  }

  @Test
  void elasticsearchYmlIsAnEmptyMapping() throws Exception {
    String text = engine.render(Templates.ELASTICSEARCH_YML, new ElasticsearchYml(Optional.of(ES)));
    Golden.assertMatches("elasticsearch.yml.ordinary", text);

    JsonNode yaml = new YAMLMapper().readTree(text);

    assertThat(yaml.isObject()).isTrue();
    assertThat(yaml.size()).isZero();
  }

  @Test
  void appYamlTemplateGetsEveryValueBackThroughAYamlParser() throws Exception {
    String appTemplate = "{{#elasticsearch}}\nhost: {{host}}\nscheme: {{scheme}}\n{{#credentials}}\n"
        + "user: {{username}}\npassword: {{password}}\n{{/credentials}}\n{{/elasticsearch}}\n";

    String text = engine.render(Templates.ELASTICSEARCH_YML, "config/elasticsearch.yml.mustache", appTemplate,
        new ElasticsearchYml(Optional.of(HOSTILE_ES)));

    Golden.assertMatches("elasticsearch.yml.app-hostile", text);
    JsonNode yaml = new YAMLMapper().readTree(text);
    assertThat(yaml.get("host").asText()).isEqualTo(hostile("host"));
    assertThat(yaml.get("scheme").asText()).isEqualTo(hostile("scheme"));
    assertThat(yaml.get("user").asText()).isEqualTo(hostile("user"));
    assertThat(yaml.get("password").asText()).isEqualTo(hostile("pass"));
  }

  @Test
  void yamlKeepsLineSeparatorsAndLookalikesOfOtherTypes() throws Exception {
    for (String value : List.of("true", "~", "null", "0x10", "- item", "# not a comment", "a: b", "\u2028x\u0085y",
        "\u0001\u007f", "")) {
      String text = engine.render(Templates.ELASTICSEARCH_YML, "t", "{{#elasticsearch}}v: {{host}}\n{{/elasticsearch}}",
          new ElasticsearchYml(Optional.of(new ElasticsearchConnection("http", value, 1, false, Optional.empty()))));

      assertThat(new YAMLMapper().readTree(text).get("v").textValue()).as("YAML of %s", value).isEqualTo(value);
    }
  }

  @Test
  void launchTomlParsesToTheProcessesWithTheirCommandsAndDefault() throws Exception {
    for (String variant : List.of("ordinary", "hostile")) {
      boolean isHostile = variant.equals("hostile");
      LaunchToml model = new LaunchToml(List.of(
          new LaunchProcess("web", List.of(isHostile ? hostile("web") : "bin/heroku-buildpack-pio-web"), List.of(),
              true),
          new LaunchProcess("release", List.of("bin/heroku-buildpack-pio-release"), List.of(), false),
          new LaunchProcess("eventserver", List.of("bin/pio-data", "eventserver"),
              List.of(isHostile ? hostile("arg") : "--stats"), false)));
      String text = engine.render(Templates.LAUNCH_TOML, model);
      Golden.assertMatches("launch.toml." + variant, text);

      JsonNode processes = new TomlMapper().readTree(text).get("processes");

      assertThat(processes).hasSize(3);
      for (int i = 0; i < 3; i++) {
        LaunchProcess expected = model.processes().get(i);
        JsonNode actual = processes.get(i);
        assertThat(actual.get("type").textValue()).isEqualTo(expected.type());
        assertThat(texts(actual.get("command"))).isEqualTo(expected.command());
        assertThat(texts(actual.get("args"))).isEqualTo(expected.args());
        assertThat(actual.get("default").booleanValue()).isEqualTo(expected.defaultProcess());
      }
    }
  }

  @Test
  void procfilesDeclareTheOriginalProcessesAndTheEventServer() throws Exception {
    String engineProcfile = engine.render(Templates.PROCFILE_ENGINE, new NoValues());
    String eventServer = engine.render(Templates.PROCFILE_EVENTSERVER, new NoValues());

    Golden.assertMatches("Procfile-engine", engineProcfile);
    Golden.assertMatches("Procfile-eventserver", eventServer);
    assertThat(engineProcfile.lines()).containsExactly("web: bin/heroku-buildpack-pio-web",
        "train: bin/heroku-buildpack-pio-train", "release: bin/heroku-buildpack-pio-release");
    assertThat(eventServer.lines()).containsExactly("web: bin/pio-data eventserver",
        "release: bin/heroku-buildpack-pio-release");
  }

  private static RuntimeEnv runtimeEnv(boolean hostile) {
    if (!hostile) {
      return new RuntimeEnv(
          Optional.of(new JdbcConnection("jdbc:postgresql://db.example.com:5432/d1?sslmode=require", "u1", "p@ss")),
          Optional.of(ES), "10.1.2.3", Optional.of("web.1.my-app.app.localspace"));
    }
    return new RuntimeEnv(Optional.of(new JdbcConnection(hostile("url"), hostile("user"), hostile("password"))),
        Optional.of(HOSTILE_ES), hostile("ip"), Optional.of(hostile("dns")));
  }

  private static Map<String, String> expectedRuntimeVariables(RuntimeEnv model) {
    Map<String, String> vars = new LinkedHashMap<>();
    model.pgsql().ifPresent(pg -> {
      vars.put("PIO_STORAGE_SOURCES_PGSQL_URL", pg.url());
      vars.put("PIO_STORAGE_SOURCES_PGSQL_USERNAME", pg.username());
      vars.put("PIO_STORAGE_SOURCES_PGSQL_PASSWORD", pg.password());
    });
    model.elasticsearch().ifPresent(es -> {
      vars.put("PIO_STORAGE_SOURCES_ELASTICSEARCH_SCHEMES", es.scheme());
      vars.put("PIO_STORAGE_SOURCES_ELASTICSEARCH_HOSTS", es.host());
      vars.put("PIO_STORAGE_SOURCES_ELASTICSEARCH_PORTS", Integer.toString(es.port()));
      es.credentials().ifPresent(c -> {
        vars.put("PIO_STORAGE_SOURCES_ELASTICSEARCH_USERNAME", c.username());
        vars.put("PIO_STORAGE_SOURCES_ELASTICSEARCH_PASSWORD", c.password());
      });
    });
    vars.put("SPARK_LOCAL_IP", model.sparkLocalIp());
    model.sparkPublicDns().ifPresent(dns -> vars.put("SPARK_PUBLIC_DNS", dns));
    vars.put("rc", "0");
    return vars;
  }

  /** As Spark's Utils.getPropertiesFromFile: Properties.load, then every value trimmed. */
  private static Map<String, String> sparkProperties(String text) throws Exception {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
    return values;
  }

  private static Map<String, String> hadoopProperties(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("configuration");
    NodeList properties = document.getElementsByTagName("property");
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      values.put(property.getElementsByTagName("name").item(0).getTextContent(),
          property.getElementsByTagName("value").item(0).getTextContent());
    }
    return values;
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::textValue).toList();
  }
}
