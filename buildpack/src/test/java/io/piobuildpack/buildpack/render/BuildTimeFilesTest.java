package io.piobuildpack.buildpack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.templates.TemplateEngine;
import io.piobuildpack.templates.TemplateRenderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildTimeFilesTest {

  private static final BuildSettings ENGINE = new BuildSettings(true, false, ".pio-buildpack/jre/bin/java", false);

  @TempDir
  Path app;

  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void installedPredictionIo() throws Exception {
    Files.createDirectories(app.resolve("PredictionIO-dist/conf"));
    Files.createDirectories(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf"));
  }

  @Test
  void engineBuildWritesEveryBuildTimeFileAndLogsOneLinePerFileWithItsSource() throws Exception {
    files().write(ENGINE);

    assertThat(listener.lines).containsExactly(
        "PredictionIO-dist/conf/pio-env.sh <- bundled pio-env.sh.mustache",
        ".profile.d/pio-path.sh <- bundled profile.d/pio-path.sh.mustache",
        "PredictionIO-dist/vendors/spark-hadoop/conf/spark-defaults.conf <- bundled spark-defaults.conf.mustache"
            + " (at every start)",
        "PredictionIO-dist/conf/core-site.xml <- bundled core-site.xml.mustache (at every start)",
        "PredictionIO-dist/conf/elasticsearch.yml <- bundled elasticsearch.yml.mustache (at every start)",
        ".profile.d/pio-runtime.sh <- bundled profile.d/pio-runtime.sh.mustache",
        "bin/pio-data <- bundled bin/pio-data.mustache",
        "bin/heroku-buildpack-pio-release <- bundled bin/heroku-buildpack-pio-command.mustache",
        "bin/heroku-buildpack-pio-load-data <- bundled bin/heroku-buildpack-pio-command.mustache",
        "bin/heroku-buildpack-pio-train <- bundled bin/heroku-buildpack-pio-command.mustache",
        "bin/heroku-buildpack-pio-web <- bundled bin/heroku-buildpack-pio-command.mustache",
        "Procfile <- bundled Procfile-engine.mustache");
    assertThat(Files.readString(app.resolve("bin/heroku-buildpack-pio-train"))).contains("pio-data 'train' \"$@\"");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(app.resolve("bin/pio-data"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.readString(app.resolve("Procfile"))).startsWith("web: bin/heroku-buildpack-pio-web\n");
    assertThat(Files.readString(app.resolve("PredictionIO-dist/conf/pio-env.sh")))
        .contains("PIO_STORAGE_REPOSITORIES_METADATA_SOURCE:-PGSQL}");
    assertThat(app.resolve("PredictionIO-dist/conf/core-site.xml")).doesNotExist();
  }

  @Test
  void elasticsearchInstalledAtBuildPutsMetadataThere() throws Exception {
    files().write(new BuildSettings(true, true, ".jdk/bin/java", false));

    assertThat(Files.readString(app.resolve("PredictionIO-dist/conf/pio-env.sh")))
        .contains("PIO_STORAGE_REPOSITORIES_METADATA_SOURCE:-ELASTICSEARCH}")
        .contains("PIO_STORAGE_SOURCES_ELASTICSEARCH_HOME=\"$PIO_HOME\"/'vendors/elasticsearch'");
    assertThat(Files.readString(app.resolve("bin/pio-data"))).contains("\"$app_dir\"/'.jdk/bin/java'");
  }

  @Test
  void eventServerAppGetsTheEventServerProcfileAndNoPredictionIoFiles() throws Exception {
    Files.delete(app.resolve("PredictionIO-dist/conf"));
    Files.delete(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf"));

    files().write(new BuildSettings(false, false, ".pio-buildpack/jre/bin/java", true));

    assertThat(Files.readString(app.resolve("Procfile")))
        .isEqualTo("web: bin/pio-data eventserver\nrelease: bin/heroku-buildpack-pio-release\n");
    assertThat(app.resolve(".profile.d/pio-path.sh")).doesNotExist();
    assertThat(app.resolve("PredictionIO-dist/conf/pio-env.sh")).doesNotExist();
  }

  @Test
  void appProcfileIsKept() throws Exception {
    Files.writeString(app.resolve("Procfile"), "web: my-server\n");

    files().write(ENGINE);

    assertThat(Files.readString(app.resolve("Procfile"))).isEqualTo("web: my-server\n");
    assertThat(listener.lines).noneMatch(line -> line.startsWith("Procfile"));
  }

  @Test
  void appPioEnvAndFixedRunTimeFilesAreCopiedAndLoggedAsCustom() throws Exception {
    write("config/pio-env.sh", "PIO_STORAGE_SOURCES_HBASE_TYPE=hbase\n");
    write("config/core-site.xml", "<configuration><!-- mine --></configuration>\n");

    files().write(ENGINE);

    assertThat(Files.readString(app.resolve("PredictionIO-dist/conf/pio-env.sh")))
        .isEqualTo("PIO_STORAGE_SOURCES_HBASE_TYPE=hbase\n");
    assertThat(Files.readString(app.resolve("PredictionIO-dist/conf/core-site.xml"))).contains("<!-- mine -->");
    assertThat(listener.lines).contains("PredictionIO-dist/conf/pio-env.sh <- config/pio-env.sh",
        "PredictionIO-dist/conf/core-site.xml <- config/core-site.xml");
  }

  @Test
  void appMustachePioEnvIsRenderedWithTheBuildModel() throws Exception {
    write("config/pio-env.sh.mustache", "SPARK_HOME=\"$PIO_HOME\"/{{sparkHome}}\n");

    files().write(ENGINE);

    assertThat(Files.readString(app.resolve("PredictionIO-dist/conf/pio-env.sh")))
        .isEqualTo("SPARK_HOME=\"$PIO_HOME\"/'vendors/spark-hadoop'\n");
    assertThat(listener.lines).contains("PredictionIO-dist/conf/pio-env.sh <- config/pio-env.sh.mustache");
  }

  @Test
  void appRunTimeTemplateIsLoggedAsRenderedAtEveryStart() throws Exception {
    write("config/core-site.xml.mustache", "<configuration>{{#s3}}{{bucket}}{{/s3}}</configuration>\n");

    files().write(ENGINE);

    assertThat(listener.lines).contains(
        "PredictionIO-dist/conf/core-site.xml <- config/core-site.xml.mustache (at every start)");
    assertThat(app.resolve("PredictionIO-dist/conf/core-site.xml")).doesNotExist();
  }

  @Test
  void erbOverrideFailsTheBuildNotTheDynoStart() throws Exception {
    write("config/spark-defaults.conf.erb", "<% if ENV[\"PIO_ELASTICSEARCH_URL\"] %>\n");

    assertThatThrownBy(() -> files().write(ENGINE)).isInstanceOf(OverrideException.class)
        .hasMessageStartingWith("config/spark-defaults.conf.erb is an ERB template of the original buildpack");
  }

  @Test
  void appRunTimeTemplateWithAMisspeltNameFailsTheBuild() throws Exception {
    write("config/core-site.xml.mustache", "<configuration>{{#s3}}{{buckett}}{{/s3}}{{bucket}}</configuration>");

    assertThatThrownBy(() -> files().write(ENGINE)).isInstanceOf(TemplateRenderException.class)
        .hasMessageStartingWith("config/core-site.xml.mustache: {{bucket}}: the model has no such value");
  }

  private BuildTimeFiles files() {
    return new BuildTimeFiles(app, new TemplateEngine(), listener);
  }

  private void write(String relative, String text) throws Exception {
    Files.createDirectories(app.resolve(relative).getParent());
    Files.writeString(app.resolve(relative), text);
  }
}
