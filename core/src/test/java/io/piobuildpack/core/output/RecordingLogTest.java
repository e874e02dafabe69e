package io.piobuildpack.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingLogTest {

  @Test
  void recordsEventsByNameAndArgumentsInOrder() {
    RecordingLog recording = new RecordingLog();
    DeployLog log = recording.log();

    log.waitingForDatabase(Duration.ofSeconds(30));
    log.importing(7, "data/initial-events.json");
    log.imported(5, 1, Duration.ofMillis(120));
    log.noDataHooks(List.of("a", "b"));

    assertThat(recording.events()).containsExactly("waitingForDatabase(PT30S)",
        "importing(7, data/initial-events.json)", "imported(5, 1, PT0.12S)", "noDataHooks([a, b])");
    assertThat(recording.names()).containsExactly("waitingForDatabase", "importing", "imported", "noDataHooks");
  }

  @Test
  void recordsEveryEventOfTheInterfaceIncludingOnesAddedLater() {
    RecordingLog recording = new RecordingLog();
    List<String> expected = new ArrayList<>();
    for (var event : DeployLog.class.getMethods()) {
      EventSamples.call(recording.log(), event);
      expected.add(event.getName());
    }
    assertThat(recording.names()).containsExactlyElementsOf(expected);
  }

  @Test
  void replaysTheRecordedEventsIntoAnotherLog() {
    RecordingLog first = new RecordingLog();
    first.log().hookStarted("data/create-sync-events");
    first.log().hookOutput("line one");
    first.log().installed("spark 2.4.8", "PredictionIO-dist/vendors/spark-hadoop", "not installed yet");

    RecordingLog second = new RecordingLog();
    first.replayTo(second.log());

    assertThat(second.events()).isEqualTo(first.events());
  }

  @Test
  void aRendererThatFailsDuringReplayIsNamedWithTheEvent() {
    RecordingLog recording = new RecordingLog();
    recording.log().fromCache("jre 17.0.12");
    DeployLog failing = new DeployLog() {
      @Override
      public void fromCache(String artifact) {
        throw new IllegalArgumentException("boom");
      }
    };

    assertThatThrownBy(() -> recording.replayTo(failing)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fromCache(jre 17.0.12)").hasRootCauseMessage("boom");
  }

  @Test
  void theRecordingLogIsEqualOnlyToItself() {
    DeployLog log = new RecordingLog().log();
    assertThat(log).isEqualTo(log).isNotEqualTo(new RecordingLog().log());
    assertThat(log.hashCode()).isEqualTo(log.hashCode());
  }
}
