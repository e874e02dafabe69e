package io.piobuildpack.buildpack.render.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.piobuildpack.buildpack.render.SourcedShell;
import io.piobuildpack.core.cli.CliContext;
import io.piobuildpack.core.cli.PioDataCli;
import io.piobuildpack.core.config.Environment;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pio-data runtime-config} run through the real command line, from a given environment. */
class RuntimeConfigCommandTest {

  private static final List<String> PGSQL = List.of("PIO_STORAGE_SOURCES_PGSQL_URL",
      "PIO_STORAGE_SOURCES_PGSQL_USERNAME", "PIO_STORAGE_SOURCES_PGSQL_PASSWORD", "SPARK_LOCAL_IP",
      "SPARK_PUBLIC_DNS", "PIO_STORAGE_SOURCES_ELASTICSEARCH_HOSTS", "PIO_STORAGE_SOURCES_ELASTICSEARCH_PORTS",
      "PIO_STORAGE_SOURCES_ELASTICSEARCH_SCHEMES", "PIO_STORAGE_SOURCES_ELASTICSEARCH_USERNAME",
      "PIO_STORAGE_SOURCES_ELASTICSEARCH_PASSWORD");

  @TempDir
  Path app;

  private Path envFile;
  private final Map<String, String> env = new HashMap<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void engineApp() throws Exception {
    Files.createDirectories(app.resolve("PredictionIO-dist/conf"));
    Files.createDirectories(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf"));
    envFile = app.resolve(".pio-buildpack/run/env.sh");
    env.put("DYNO", "web.1");
  }

  @Test
  void databaseUrlWithEncodedCredentialsPortAndParametersBecomesPredictionIoVariables() throws Exception {
    env.put("DATABASE_URL", "postgres://us%40er:p%3Ass%2Fw%27rd%24@db.example.com:5433/d1?application_name=pio");
    env.put("HEROKU_PRIVATE_IP", "10.1.2.3");
    env.put("HEROKU_DNS_DYNO_NAME", "web.1.my-app.app.localspace");

    int code = run();

    assertThat(code).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
    assertThat(SourcedShell.read(envFile, PGSQL)).containsExactly(
        Map.entry("PIO_STORAGE_SOURCES_PGSQL_URL",
            "jdbc:postgresql://db.example.com:5433/d1?application_name=pio&sslmode=require"),
        Map.entry("PIO_STORAGE_SOURCES_PGSQL_USERNAME", "us@er"),
        Map.entry("PIO_STORAGE_SOURCES_PGSQL_PASSWORD", "p:ss/w'rd$"),
        Map.entry("SPARK_LOCAL_IP", "10.1.2.3"),
        Map.entry("SPARK_PUBLIC_DNS", "web.1.my-app.app.localspace"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
  }

  @Test
  void optionalSslAndAnExistingSslModeAreKept() throws Exception {
    env.put("DATABASE_URL", "postgresql://u:p@localhost/d?sslmode=disable");

    assertThat(run()).isZero();

    assertThat(SourcedShell.read(envFile, PGSQL))
        .containsEntry("PIO_STORAGE_SOURCES_PGSQL_URL", "jdbc:postgresql://localhost/d?sslmode=disable")
        .containsEntry("SPARK_LOCAL_IP", "127.0.0.1");
  }

  @Test
  void noDatabaseUrlOnADynoIsAClearErrorAndNoLocalhostDefault() throws Exception {
    int code = run();

    assertThat(code).isEqualTo(5);
    assertThat(err.toString()).isEqualTo("pio-data: runtime-config: DATABASE_URL is not set: on a dyno the event"
        + " store must be PostgreSQL, never a local default. Attach a database (heroku addons:create"
        + " heroku-postgresql) or set PIO_STORAGE_SOURCES_PGSQL_URL, _USERNAME and _PASSWORD.\n");
    assertThat(envFile).doesNotExist();
    assertThat(app.resolve("PredictionIO-dist/conf/core-site.xml")).doesNotExist();
  }

  @Test
  void noDatabaseOffADynoExportsNoStorageAndSucceeds() throws Exception {
    env.remove("DYNO");

    assertThat(run()).isZero();

    assertThat(SourcedShell.read(envFile, PGSQL)).containsOnlyKeys("SPARK_LOCAL_IP");
  }

  @Test
  void malformedDatabaseUrlNamesTheVariableWithoutShowingIt() throws Exception {
    env.put("DATABASE_URL", "postgres://user:sup3rsecret@db.example.com:99999/d");

    assertThat(run()).isEqualTo(5);

    assertThat(err.toString()).contains("DATABASE_URL").contains("port").doesNotContain("sup3rsecret");
  }

  @Test
  void s3AndRegionRenderCoreSiteOwnerOnlyAndPrintNoSecret() throws Exception {
    env.put("DATABASE_URL", "postgres://u:p@db/d");
    env.put("PIO_S3_BUCKET_NAME", "my-models");
    env.put("PIO_S3_AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
    env.put("PIO_S3_AWS_SECRET_ACCESS_KEY", "wJalr<&>secret");
    env.put("AWS_REGION", "eu-west-1");

    assertThat(run()).isZero();

    Path coreSite = app.resolve("PredictionIO-dist/conf/core-site.xml");
    assertThat(Files.readString(coreSite)).contains("<value>s3a://my-models</value>")
        .contains("<value>wJalr&lt;&amp;&gt;secret</value>").contains("<value>s3.eu-west-1.amazonaws.com</value>");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(coreSite))).isEqualTo("rw-------");
    assertThat(out.toString() + err.toString()).isEmpty();
  }

  @Test
  void onlyOneOfTheS3KeysIsAnErrorNamingTheMissingOne() throws Exception {
    env.put("DATABASE_URL", "postgres://u:p@db/d");
    env.put("PIO_S3_BUCKET_NAME", "b");
    env.put("PIO_S3_AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");

    assertThat(run()).isEqualTo(5);

    assertThat(err.toString()).contains("PIO_S3_AWS_SECRET_ACCESS_KEY is not set, but its pair is");
  }

  @Test
  void unusableRegionOrElasticsearchUrlNamesTheVariableWithoutShowingTheValue() throws Exception {
    env.put("DATABASE_URL", "postgres://u:p@db/d");
    env.put("PIO_S3_BUCKET_NAME", "b");
    env.put("AWS_REGION", "eu west 1");
    assertThat(run()).isEqualTo(5);
    assertThat(err.toString()).isEqualTo("pio-data: runtime-config: AWS_REGION is not an AWS region name such as"
        + " eu-west-1\n");

    env.remove("AWS_REGION");
    env.put("PIO_ELASTICSEARCH_URL", "ftp://user:hunter2@es.example.com/path");
    err.getBuffer().setLength(0);
    assertThat(run()).isEqualTo(5);
    assertThat(err.toString()).isEqualTo("pio-data: runtime-config: PIO_ELASTICSEARCH_URL must start with http://"
        + " or https://\n");
    assertThat(envFile).doesNotExist();
  }

  @Test
  void elasticsearchUrlConfiguresSparkAndExportsTheSource() throws Exception {
    env.put("DATABASE_URL", "postgres://u:p@db/d");
    env.put("PIO_ELASTICSEARCH_URL", "https://el%40stic:pa%23ss@es.example.com");

    assertThat(run()).isZero();

    assertThat(SourcedShell.read(envFile, PGSQL))
        .containsEntry("PIO_STORAGE_SOURCES_ELASTICSEARCH_HOSTS", "es.example.com")
        .containsEntry("PIO_STORAGE_SOURCES_ELASTICSEARCH_PORTS", "443")
        .containsEntry("PIO_STORAGE_SOURCES_ELASTICSEARCH_SCHEMES", "https")
        .containsEntry("PIO_STORAGE_SOURCES_ELASTICSEARCH_USERNAME", "el@stic")
        .containsEntry("PIO_STORAGE_SOURCES_ELASTICSEARCH_PASSWORD", "pa#ss");
    assertThat(Files.readString(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf/spark-defaults.conf")))
        .contains("spark.es.nodes=es.example.com\n").contains("spark.es.net.ssl=true\n")
        .contains("spark.es.net.http.auth.pass=pa#ss\n");
  }

  @Test
  void appTemplateOverridesTheBundledOneAtRunTimeAndAFixedFileIsLeftAlone() throws Exception {
    env.put("DATABASE_URL", "postgres://u:p@db/d");
    env.put("PIO_S3_BUCKET_NAME", "my-models");
    Files.createDirectories(app.resolve("config"));
    Files.writeString(app.resolve("config/core-site.xml.mustache"),
        "<configuration>{{#s3}}<bucket>{{bucket}}</bucket>{{/s3}}</configuration>\n");
    Files.writeString(app.resolve("config/spark-defaults.conf"), "spark.fixed=1\n");
    Files.writeString(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf/spark-defaults.conf"),
        "spark.fixed=1\n");

    assertThat(run()).isZero();

    assertThat(Files.readString(app.resolve("PredictionIO-dist/conf/core-site.xml")))
        .isEqualTo("<configuration><bucket>my-models</bucket></configuration>\n");
    assertThat(Files.readString(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf/spark-defaults.conf")))
        .isEqualTo("spark.fixed=1\n");
  }

  @Test
  void tomlOutputForExecDParsesToTheSameVariables() throws Exception {
    env.put("DATABASE_URL", "postgres://u%22:p%5C@db:5432/d");
    Path toml = app.resolve("exec-d.toml");

    assertThat(run("runtime-config", "--app-dir", app.toString(), "--env-toml", toml.toString())).isZero();

    JsonNode vars = new TomlMapper().readTree(Files.readString(toml));
    assertThat(vars.get("PIO_STORAGE_SOURCES_PGSQL_URL").textValue())
        .isEqualTo("jdbc:postgresql://db:5432/d?sslmode=require");
    assertThat(vars.get("PIO_STORAGE_SOURCES_PGSQL_USERNAME").textValue()).isEqualTo("u\"");
    assertThat(vars.get("PIO_STORAGE_SOURCES_PGSQL_PASSWORD").textValue()).isEqualTo("p\\");
  }

  @Test
  void eventServerOnlyAppGetsOnlyTheVariables() throws Exception {
    env.put("DATABASE_URL", "postgres://u:p@db/d");
    Path eventServerApp = Files.createDirectories(app.resolve("es-app"));

    assertThat(run("runtime-config", "--app-dir", eventServerApp.toString(), "--env-file", envFile.toString()))
        .isZero();

    assertThat(envFile).exists();
    try (var listing = Files.list(eventServerApp)) {
      assertThat(listing).isEmpty();
    }
  }

  private int run() {
    return run("runtime-config", "--app-dir", app.toString(), "--env-file", envFile.toString());
  }

  private int run(String... args) {
    CliContext context = new CliContext(Environment.of(env), app, InputStream.nullInputStream(), false);
    return PioDataCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
  }
}
