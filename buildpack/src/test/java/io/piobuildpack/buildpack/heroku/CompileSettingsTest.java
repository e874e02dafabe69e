package io.piobuildpack.buildpack.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.InvalidVariableException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileSettingsTest {

  @TempDir Path cache;

  @Test
  void defaultsAreTheEngineVariantQuietWithoutExtraRepository() {
    assertThat(CompileSettings.from(Environment.of(Map.of())))
        .isEqualTo(new CompileSettings(false, false, Optional.empty()));
  }

  @Test
  void readsTheOriginalBuildpacksVariables() {
    CompileSettings settings = CompileSettings.from(Environment.of(Map.of("PIO_RUN_AS_EVENTSERVER", "TRUE",
        "PIO_VERBOSE", " true ", "PIO_MAVEN_REPO", "https://repo.example/m2")));

    assertThat(settings).isEqualTo(new CompileSettings(true, true, Optional.of(URI.create("https://repo.example/m2"))));
  }

  @Test
  void aMavenRepositoryThatIsNoHttpOrFileUrlIsRefusedByName() {
    assertThatThrownBy(() -> CompileSettings.from(Environment.of(Map.of("PIO_MAVEN_REPO", "ftp://x/"))))
        .isInstanceOf(InvalidVariableException.class).hasMessage("PIO_MAVEN_REPO must be an https, http or file URL");
    assertThatThrownBy(() -> CompileSettings.from(Environment.of(Map.of("PIO_MAVEN_REPO", "https://x/\" a"))))
        .isInstanceOf(InvalidVariableException.class).hasMessageStartingWith("PIO_MAVEN_REPO is not a URL");
  }

  @Test
  void scalaStringLiteralEscapesQuotesAndBackslashes() {
    assertThat(EngineBuild.scalaString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
  }

  @Test
  void sbtOptionsPointSbtAtTheCacheAndKeepTheCallersOptions() throws Exception {
    String options = EngineBuild.sbtOptions(cache, Optional.of(URI.create("https://repo.example/m2")), "-Xmx2g");

    Path sbt = cache.resolve("pio-buildpack/sbt").toAbsolutePath();
    assertThat(options).isEqualTo("-Dsbt.global.base=" + sbt.resolve("global") + " -Dsbt.ivy.home="
        + sbt.resolve("ivy2") + " -Dsbt.boot.directory=" + sbt.resolve("boot") + " -Xmx2g");
    assertThat(sbt.resolve("global/pio-buildpack-resolvers.sbt")).content()
        .endsWith("resolvers += \"PIO_MAVEN_REPO\" at \"https://repo.example/m2\"\n");

    EngineBuild.sbtOptions(cache, Optional.empty(), null);
    assertThat(sbt.resolve("global/pio-buildpack-resolvers.sbt")).doesNotExist();
  }

  @Test
  void javaFeatureVersionsOfReleaseFiles() {
    assertThat(HerokuCompile.majorOf("1.8.0_432")).isEqualTo(8);
    assertThat(HerokuCompile.majorOf("17.0.20")).isEqualTo(17);
    assertThat(HerokuCompile.majorOf("21")).isEqualTo(21);
    assertThat(HerokuCompile.majorOf("x")).isZero();
  }
}
