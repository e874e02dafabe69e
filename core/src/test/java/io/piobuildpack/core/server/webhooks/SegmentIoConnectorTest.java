package io.piobuildpack.core.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The cases of PredictionIO's {@code SegmentIOConnectorSpec}. */
class SegmentIoConnectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMMON = "\"anonymous_id\":\"id\",\"sent_at\":\"sendAt\",\"version\":\"2\","
      + "\"timestamp\":\"2012-12-02T00:30:08.276Z\",";
  private static final String TAIL = ",\"entityType\":\"user\",\"eventTime\":\"2012-12-02T00:30:08.276Z\"}";

  private final SegmentIoConnector connector = new SegmentIoConnector();

  @Test
  void groupWithContextKeepsTheContextFirst() throws Exception {
    String context = "{\"ip\":\"8.8.8.8\",\"library\":{\"name\":\"analytics-ios\",\"version\":\"1.8.0\"}}";
    assertConverts("{" + COMMON + "\"type\":\"group\",\"group_id\":\"groupId\",\"user_id\":\"userIdValue\","
        + "\"traits\":{\"name\":\"groupName\",\"employees\":329},\"context\":" + context + "}",
        "{\"event\":\"group\",\"entityId\":\"userIdValue\",\"properties\":{\"context\":" + context
            + ",\"group_id\":\"groupId\",\"traits\":{\"name\":\"groupName\",\"employees\":329}}" + TAIL);
  }

  @Test
  void screenAndPageCarryNameAndProperties() throws Exception {
    for (String type : new String[] {"screen", "page"}) {
      assertConverts("{" + COMMON + "\"type\":\"" + type + "\",\"name\":\"n\",\"user_id\":\"u\","
          + "\"properties\":{\"variation\":\"v\"}}",
          "{\"event\":\"" + type + "\",\"entityId\":\"u\",\"properties\":{\"properties\":{\"variation\":\"v\"},"
              + "\"name\":\"n\"}" + TAIL);
    }
  }

  @Test
  void aliasCarriesThePreviousId() throws Exception {
    assertConverts("{" + COMMON + "\"type\":\"alias\",\"previous_id\":\"p\",\"user_id\":\"u\"}",
        "{\"event\":\"alias\",\"entityId\":\"u\",\"properties\":{\"previous_id\":\"p\"}" + TAIL);
  }

  @Test
  void trackCarriesEventAndProperties() throws Exception {
    assertConverts("{" + COMMON + "\"user_id\":\"u\",\"type\":\"track\",\"event\":\"Registered\","
        + "\"properties\":{\"plan\":\"Pro Annual\"}}",
        "{\"event\":\"track\",\"entityId\":\"u\",\"properties\":{\"event\":\"Registered\","
            + "\"properties\":{\"plan\":\"Pro Annual\"}}" + TAIL);
  }

  @Test
  void identifyCarriesTraitsAndFallsBackToTheAnonymousIdOnlyWithoutUserId() throws Exception {
    assertConverts("{" + COMMON + "\"type\":\"identify\",\"user_id\":\"u\",\"traits\":{\"name\":\"n\"}}",
        "{\"event\":\"identify\",\"entityId\":\"u\",\"properties\":{\"traits\":{\"name\":\"n\"}}" + TAIL);
    assertConverts("{" + COMMON + "\"type\":\"page\"}", "{\"event\":\"page\",\"entityId\":\"id\",\"properties\":{}"
        + TAIL);
  }

  @Test
  void malformedPayloadsAreConnectorErrors() {
    assertThatThrownBy(() -> connector.toEventJson("{\"type\":\"track\"}"))
        .isInstanceOf(ConnectorException.class).hasMessage("Failed to get segment.io API version.");
    assertThatThrownBy(() -> connector.toEventJson("{\"version\":2,\"type\":\"x\",\"sent_at\":\"s\","
        + "\"timestamp\":\"t\",\"user_id\":\"u\"}")).hasMessage("Cannot convert unknown type x to event JSON.");
    assertThatThrownBy(() -> connector.toEventJson("{\"version\":2,\"type\":\"page\",\"sent_at\":\"s\","
        + "\"timestamp\":\"t\"}")).hasMessage("there was no `userId` or `anonymousId` in the common fields.");
    assertThatThrownBy(() -> connector.toEventJson("{\"version\":2,\"type\":\"page\",\"timestamp\":\"t\"}"))
        .hasMessageStartingWith("Cannot extract Common field from ").hasMessageEndingWith("No usable value for sent_at.");
    assertThatThrownBy(() -> connector.toEventJson("[1]")).hasMessage("The segment.io payload must be a JSON object.");
  }

  private void assertConverts(String payload, String expected) throws Exception {
    JsonNode actual = JSON.readTree(connector.toEventJson(payload));
    assertThat(actual).isEqualTo(JSON.readTree(expected));
  }
}
