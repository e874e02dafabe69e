package io.piobuildpack.buildpack.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.piobuildpack.buildpack.render.BuildSettings;
import io.piobuildpack.buildpack.render.BuildTimeFiles;
import io.piobuildpack.core.output.RecordingLog;
import io.piobuildpack.templates.TemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering's listener calls arrive as output events, with the app's own sources told apart from bundled ones. */
class RenderEventsTest {

  @TempDir
  Path app;

  @Test
  void writtenFilesBecomeRenderedEventsNamingTheirSource() throws Exception {
    Files.createDirectories(app.resolve("PredictionIO-dist/conf"));
    Files.createDirectories(app.resolve("PredictionIO-dist/vendors/spark-hadoop/conf"));
    Files.createDirectories(app.resolve("config"));
    Files.writeString(app.resolve("config/pio-env.sh"), "export PIO_FS_BASEDIR=/tmp\n");
    Files.writeString(app.resolve("config/core-site.xml.mustache"), "<configuration/>\n");
    Files.writeString(app.resolve("config/core-site.xml.erb"), "<%= ENV['X'] %>\n");
    RecordingLog recording = new RecordingLog();

    new BuildTimeFiles(app, new TemplateEngine(), new RenderEvents(recording.log()))
        .write(new BuildSettings(true, false, ".jdk/bin/java", false));

    assertThat(recording.events()).startsWith(
        "rendered(PredictionIO-dist/conf/pio-env.sh, config/pio-env.sh, true)",
        "rendered(.profile.d/pio-path.sh, bundled profile.d/pio-path.sh.mustache, false)",
        "renderedAtStart(PredictionIO-dist/vendors/spark-hadoop/conf/spark-defaults.conf,"
            + " bundled spark-defaults.conf.mustache, false)",
        "erbIgnored(config/core-site.xml.erb, config/core-site.xml.mustache)",
        "renderedAtStart(PredictionIO-dist/conf/core-site.xml, config/core-site.xml.mustache, true)");
  }
}
