package io.piobuildpack.core.event.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.piobuildpack.core.event.EventFormatException;
import io.piobuildpack.core.event.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBatchJsonReaderTest {

  private final EventBatchJsonReader reader = new EventBatchJsonReader(EventJsonReader.standard());

  @Test
  void readGivesEachElementValidatedInOrder() {
    EventBatch batch = read("[{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"},"
        + "{\"event\":\"view\",\"entityType\":\"user\"},7]");
    assertThat(batch.size()).isEqualTo(3);
    List<EventBatch.Item> items = batch.items();
    assertThat(items.get(0).event().entityId()).isEqualTo("u1");
    assertThat(items.get(1).error().pioMessage())
        .isEqualTo("org.apache.predictionio.data.storage.DataMapException: The field entityId is required.");
    assertThat(items.get(2).error()).isInstanceOf(InvalidEventException.class);
    assertThat(items.get(2).error().pioMessage())
        .isEqualTo("Can't convert JInt(7) to class org.apache.predictionio.data.storage.Event");
  }

  @Test
  void readWhenNotAnArrayUsesPredictionIoMessage() { // transcript #48
    assertThatThrownBy(() -> read("{\"a\":[1,true]}")).isInstanceOf(EventFormatException.class)
        .extracting(e -> ((EventFormatException) e).pioMessage())
        .isEqualTo("Can't convert JObject(List((a,JArray(List(JInt(1), JBool(true)))))) to interface"
            + " scala.collection.Seq");
    assertThatThrownBy(() -> read("[{\"event\":"))
        .extracting(e -> ((EventFormatException) e).pioMessage())
        .isEqualTo("Can't convert JNothing to interface scala.collection.Seq");
  }

  @Test
  void aSyntaxErrorInAMultiLineBatchGivesItsLineAndColumn() {
    EventFormatException e = catchThrowableOfType(EventFormatException.class,
        () -> read("[\n  {\"event\": \"view\"},\n  {\"event\" \"view\"}\n]"));

    assertThat(e.reason()).startsWith("not valid JSON: ").endsWith(" (line 3, column 12)");
  }

  private EventBatch read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }
}
