package io.piobuildpack.hooks.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.Environment;
import io.piobuildpack.core.config.InvalidVariableException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

  @Test
  void releaseTrainsAndLoadsDataByDefault() {
    assertThat(ReleaseSettings.from(Environment.of(Map.of()))).isEqualTo(new ReleaseSettings(true, true, false));
  }

  @Test
  void releaseFlagsDecideAsTheOriginalReleaseScript() {
    assertThat(ReleaseSettings.from(Environment.of(Map.of("PIO_TRAIN_ON_RELEASE", "false"))))
        .isEqualTo(new ReleaseSettings(false, false, false));
    assertThat(ReleaseSettings.from(Environment.of(Map.of("PIO_TRAIN_ON_RELEASE", "false",
        "PIO_LOAD_DATA_ON_RELEASE", "true")))).isEqualTo(new ReleaseSettings(true, false, false));
    assertThat(ReleaseSettings.from(Environment.of(Map.of("PIO_RUN_AS_EVENTSERVER", "true"))))
        .isEqualTo(new ReleaseSettings(true, false, true));
  }

  @Test
  void releaseChecksEveryFlagEvenOneThatDoesNotDecide() {
    Environment env = Environment.of(Map.of("PIO_TRAIN_ON_RELEASE", "false", "PIO_RUN_AS_EVENTSERVER", "y"));

    assertThatThrownBy(() -> ReleaseSettings.from(env))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessage("PIO_RUN_AS_EVENTSERVER must be true or false, not 'y'");
  }

  @Test
  void trainSettingsHoldTheSplitOptionsAndTheMemoryOverride() {
    TrainSettings settings = TrainSettings.from(Environment.of(Map.of("PIO_OPTS", "--variant 'a b.json'",
        "PIO_TRAIN_SPARK_OPTS", "--master local", "PIO_CONTAINER_MEMORY_MB", "2048", "AWS_REGION", "eu")));

    assertThat(settings).isEqualTo(new TrainSettings(OptionalLong.of(2048), List.of("--variant", "a b.json"),
        List.of("--master", "local"), true));
  }

  @Test
  void trainSettingsDoNotReadTheDeployOnlySparkOptions() {
    TrainSettings settings = TrainSettings.from(Environment.of(Map.of("PIO_SPARK_OPTS", "'broken")));

    assertThat(settings.sparkOptions()).isEmpty();
  }

  @Test
  void deployChecksTheMemoryOverrideFirstThenThePort() {
    assertThatThrownBy(() -> DeploySettings.from(Environment.of(Map.of("PIO_CONTAINER_MEMORY_MB", "x"))))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessage("PIO_CONTAINER_MEMORY_MB must be a number of MiB, not 'x'");
    assertThatThrownBy(() -> DeploySettings.from(Environment.of(Map.of())))
        .isInstanceOf(MissingSettingsException.class)
        .hasMessage("web requires environment variable PORT");
  }

  @Test
  void feedbackSettingsNeverShowTheAccessKey() {
    DeploySettings settings = DeploySettings.from(Environment.of(Map.of("PORT", "5000", "PIO_ENABLE_FEEDBACK",
        "true", "PIO_EVENTSERVER_HOSTNAME", "es.example.com", "PIO_EVENTSERVER_ACCESS_KEY", "s3cret")));

    assertThat(settings.feedback()).contains(new FeedbackSettings("es.example.com", "443", "s3cret"));
    assertThat(settings.toString()).doesNotContain("s3cret").contains("accessKey=****");
  }
}
