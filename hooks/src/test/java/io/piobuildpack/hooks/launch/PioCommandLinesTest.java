package io.piobuildpack.hooks.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.config.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The original buildpack's train and web test cases (test/bin-engine-{train,web}_test.sh), plus ours. */
class PioCommandLinesTest {

  private final Map<String, String> env = new HashMap<>();

  private List<String> trainArgv(OptionalLong memory) {
    return new PioCommandLines("pio", memory).train(TrainSettings.from(Environment.of(env)));
  }

  private List<String> deployArgv(OptionalLong memory) {
    return new PioCommandLines("pio", memory).deploy(DeploySettings.from(Environment.of(env)));
  }

  private String train() {
    return String.join(" ", trainArgv(OptionalLong.empty()));
  }

  private String deploy() {
    return String.join(" ", deployArgv(OptionalLong.empty()));
  }

  @Test
  void trainWithNoOptionsIsPioTrainAndSeparator() {
    assertThat(train()).isEqualTo("pio train --");
  }

  @Test
  void trainWithPioOptsPutsThemBeforeTheSeparator() {
    env.put("PIO_OPTS", "--variant best.json");
    assertThat(train()).isEqualTo("pio train --variant best.json --");
  }

  @Test
  void trainWithSparkOptsPutsThemAfterTheSeparator() {
    env.put("PIO_TRAIN_SPARK_OPTS", "--master spark://localhost");
    assertThat(train()).isEqualTo("pio train -- --master spark://localhost");
  }

  @Test
  void trainWithAwsRegionAddsSigV4Options() {
    env.put("AWS_REGION", "eu-central-1");
    assertThat(trainArgv(OptionalLong.empty())).containsExactly("pio", "train", "--",
        "--driver-java-options", "-Dcom.amazonaws.services.s3.enableV4",
        "--conf", "spark.executor.extraJavaOptions=-Dcom.amazonaws.services.s3.enableV4");
  }

  @Test
  void trainWithQuotedOptionKeepsTheQuotedWordWhole() {
    env.put("PIO_TRAIN_SPARK_OPTS", "--conf 'spark.driver.extraJavaOptions=-Da=1 -Db=2'");
    assertThat(trainArgv(OptionalLong.empty()))
        .containsExactly("pio", "train", "--", "--conf", "spark.driver.extraJavaOptions=-Da=1 -Db=2");
  }

  @Test
  void trainWithUnclosedQuoteNamesTheVariable() {
    env.put("PIO_OPTS", "--variant 'best.json");
    assertThatThrownBy(this::train)
        .isInstanceOf(InvalidOptionsException.class)
        .hasMessageStartingWith("PIO_OPTS cannot be split into words: unterminated single quote");
  }

  @Test
  void trainWithDriverMemoryDefaultPrefixesItUnlessTheUserSetOne() {
    assertThat(trainArgv(OptionalLong.of(768))).containsExactly("pio", "train", "--", "--driver-memory", "768m");

    env.put("PIO_TRAIN_SPARK_OPTS", "--driver-memory 4g");
    assertThat(trainArgv(OptionalLong.of(768))).containsExactly("pio", "train", "--", "--driver-memory", "4g");
  }

  @Test
  void trainWithOnlyExecutorMemoryStillGetsTheDriverDefault() {
    env.put("PIO_TRAIN_SPARK_OPTS", "--executor-memory 2g");
    assertThat(trainArgv(OptionalLong.of(768)))
        .containsExactly("pio", "train", "--", "--driver-memory", "768m", "--executor-memory", "2g");
  }

  @Test
  void deployWithPortOnly() {
    env.put("PORT", "853211");
    assertThat(deploy()).isEqualTo("pio deploy --port 853211 --");
  }

  @Test
  void deployWithoutPortFailsNamingIt() {
    assertThatThrownBy(this::deploy)
        .isInstanceOf(MissingSettingsException.class)
        .hasMessageContaining("requires environment variable PORT");
  }

  @Test
  void deployWithPioOpts() {
    env.put("PORT", "853211");
    env.put("PIO_OPTS", "--variant best.json");
    assertThat(deploy()).isEqualTo("pio deploy --port 853211 --variant best.json --");
  }

  @Test
  void deployWithSparkOpts() {
    env.put("PORT", "853211");
    env.put("PIO_SPARK_OPTS", "--master spark://localhost");
    assertThat(deploy()).isEqualTo("pio deploy --port 853211 -- --master spark://localhost");
  }

  @Test
  void deployWithFeedbackEnabledAddsFeedbackOptions() {
    env.put("PORT", "853211");
    env.put("PIO_ENABLE_FEEDBACK", "true");
    env.put("PIO_EVENTSERVER_HOSTNAME", "example.herokuapp.com");
    env.put("PIO_EVENTSERVER_ACCESS_KEY", "XXXXX");
    env.put("PIO_EVENTSERVER_APP_NAME", "sushi");
    assertThat(deploy()).isEqualTo("pio deploy --port 853211 --feedback --event-server-ip example.herokuapp.com"
        + " --event-server-port 443 --accesskey XXXXX --");
  }

  @Test
  void deployWithFeedbackMissingSettingsListsOnlyTheMissingNamesNeverValues() {
    env.put("PORT", "853211");
    env.put("PIO_ENABLE_FEEDBACK", "true");
    env.put("PIO_EVENTSERVER_ACCESS_KEY", "secret-key-value");
    assertThatThrownBy(this::deploy)
        .isInstanceOf(MissingSettingsException.class)
        .hasMessage("PredictionIO feedback is enabled, but missing required config: PIO_EVENTSERVER_HOSTNAME=(missing)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-key-value"))
        .satisfies(e -> assertThat(((MissingSettingsException) e).names())
            .isEqualTo(List.of("PIO_EVENTSERVER_HOSTNAME")));
  }
}
