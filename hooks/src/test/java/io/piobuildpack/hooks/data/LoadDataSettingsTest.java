package io.piobuildpack.hooks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.Environment;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadDataSettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    LoadDataSettings settings = LoadDataSettings.from(Environment.of(Map.of()));

    assertThat(settings).isEqualTo(new LoadDataSettings(Optional.empty(), Optional.empty(), Optional.empty(),
        false, Duration.ofSeconds(60), Duration.ofMinutes(30)));
  }

  @Test
  void theDocumentedPurgeVariableWinsAndEitherNameWorks() {
    assertThat(LoadDataSettings.from(Environment.of(Map.of("PIO_PURGE_ON_SYNC", "true",
        "PIO_PURGE_EVENTS_ON_SYNC", "true"))).purgeVariable()).contains("PIO_PURGE_ON_SYNC");
    assertThat(LoadDataSettings.from(Environment.of(Map.of("PIO_PURGE_ON_SYNC", "false",
        "PIO_PURGE_EVENTS_ON_SYNC", "True"))).purgeVariable()).contains("PIO_PURGE_EVENTS_ON_SYNC");
  }

  @Test
  void aDynoOrTheRequireFlagMakesTheDatabaseRequired() {
    assertThat(LoadDataSettings.from(Environment.of(Map.of("DYNO", "release.1"))).databaseRequired()).isTrue();
    assertThat(LoadDataSettings.from(Environment.of(Map.of("PIO_REQUIRE_DATABASE", "TRUE"))).databaseRequired())
        .isTrue();
  }

  @Test
  void everyFlagIsCheckedEvenWhenAnotherAlreadyDecided() {
    Environment env = Environment.of(Map.of("DYNO", "release.1", "PIO_REQUIRE_DATABASE", "yes"));

    assertThatThrownBy(() -> LoadDataSettings.from(env))
        .isInstanceOfSatisfying(InvalidSettingException.class,
            e -> assertThat(e.variable()).isEqualTo("PIO_REQUIRE_DATABASE"))
        .hasMessage("PIO_REQUIRE_DATABASE must be true or false, not 'yes'");
  }

  @Test
  void durationsKeepTheirMessages() {
    assertThatThrownBy(() -> LoadDataSettings.from(Environment.of(Map.of("PIO_HOOK_TIMEOUT", "soon"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("PIO_HOOK_TIMEOUT must be a whole number of seconds, not 'soon'");
    assertThatThrownBy(() -> LoadDataSettings.from(Environment.of(Map.of("PIO_DATABASE_WAIT", "-3"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("PIO_DATABASE_WAIT must not be negative");
  }

  @Test
  void toStringNeverShowsTheAccessKey() {
    assertThat(LoadDataSettings.from(Environment.of(Map.of("PIO_EVENTSERVER_ACCESS_KEY", "s3cret"))).toString())
        .doesNotContain("s3cret");
  }
}
