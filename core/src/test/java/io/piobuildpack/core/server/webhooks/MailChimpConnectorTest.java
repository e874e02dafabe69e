package io.piobuildpack.core.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message types of PredictionIO's {@code MailChimpConnector}, with the field names MailChimp sends. */
class MailChimpConnectorTest {

  private final MailChimpConnector connector = new MailChimpConnector();

  @Test
  void subscribeBecomesAUserEventOnTheList() {
    Map<String, String> form = member("subscribe", "2009-03-26 21:35:57");
    form.put("data[merges][INTERESTS]", "Group1,Group2");
    form.put("data[ip_signup]", "10.20.10.30");
    assertThat(connector.toEventJson(form)).isEqualTo("{\"event\":\"subscribe\",\"entityType\":\"user\","
        + "\"entityId\":\"8a25ff1d98\",\"targetEntityType\":\"list\",\"targetEntityId\":\"a6b5da1054\","
        + "\"eventTime\":\"2009-03-26T21:35:57.000Z\",\"properties\":{\"email\":\"api@mailchimp.com\","
        + "\"email_type\":\"html\",\"merges\":{\"EMAIL\":\"api@mailchimp.com\",\"FNAME\":\"MailChimp\","
        + "\"LNAME\":\"API\",\"INTERESTS\":\"Group1,Group2\"},\"ip_opt\":\"10.20.10.30\","
        + "\"ip_signup\":\"10.20.10.30\"}}");
  }

  @Test
  void unsubscribeCarriesActionReasonAndCampaign() {
    Map<String, String> form = member("unsubscribe", "2009-03-26 21:40:57");
    form.put("data[action]", "unsub");
    form.put("data[reason]", "manual");
    form.put("data[campaign_id]", "cb398d21d2");
    assertThat(connector.toEventJson(form)).contains("\"event\":\"unsubscribe\"")
        .contains("\"properties\":{\"action\":\"unsub\",\"reason\":\"manual\",\"email\":\"api@mailchimp.com\"")
        .endsWith("\"ip_opt\":\"10.20.10.30\",\"campaign_id\":\"cb398d21d2\"}}");
  }

  @Test
  void profileUpemailCleanedAndCampaignHaveTheirEntities() {
    assertThat(connector.toEventJson(member("profile", "2009-03-26 21:31:21"))).startsWith(
        "{\"event\":\"profile\",\"entityType\":\"user\",\"entityId\":\"8a25ff1d98\"");
    assertThat(connector.toEventJson(Map.of("type", "upemail", "fired_at", "2009-03-26 22:15:09",
        "data[list_id]", "l", "data[new_id]", "n", "data[new_email]", "new@x", "data[old_email]", "old@x")))
        .isEqualTo("{\"event\":\"upemail\",\"entityType\":\"user\",\"entityId\":\"n\",\"targetEntityType\":\"list\","
            + "\"targetEntityId\":\"l\",\"eventTime\":\"2009-03-26T22:15:09.000Z\",\"properties\":"
            + "{\"new_email\":\"new@x\",\"old_email\":\"old@x\"}}");
    assertThat(connector.toEventJson(Map.of("type", "cleaned", "fired_at", "2009-03-26 22:01:00",
        "data[list_id]", "l", "data[campaign_id]", "c", "data[reason]", "hard", "data[email]", "e@x")))
        .isEqualTo("{\"event\":\"cleaned\",\"entityType\":\"list\",\"entityId\":\"l\",\"eventTime\":"
            + "\"2009-03-26T22:01:00.000Z\",\"properties\":{\"campaignId\":\"c\",\"reason\":\"hard\",\"email\":\"e@x\"}}");
    assertThat(connector.toEventJson(Map.of("type", "campaign", "fired_at", "2009-03-26 21:31:21",
        "data[id]", "5aa", "data[subject]", "S", "data[status]", "sent", "data[reason]", "", "data[list_id]", "l")))
        .isEqualTo("{\"event\":\"campaign\",\"entityType\":\"campaign\",\"entityId\":\"5aa\",\"targetEntityType\":"
            + "\"list\",\"targetEntityId\":\"l\",\"eventTime\":\"2009-03-26T21:31:21.000Z\",\"properties\":"
            + "{\"subject\":\"S\",\"status\":\"sent\",\"reason\":\"\"}}");
  }

  @Test
  void badFormsAreConnectorErrors() {
    assertThatThrownBy(() -> connector.toEventJson(Map.of())).isInstanceOf(ConnectorException.class)
        .hasMessage("The field 'type' is required for MailChimp data.");
    assertThatThrownBy(() -> connector.toEventJson(Map.of("type", "x")))
        .hasMessage("Cannot convert unknown MailChimp data type x to event JSON");
    Map<String, String> badTime = member("profile", "yesterday");
    assertThatThrownBy(() -> connector.toEventJson(badTime))
        .hasMessage("The field 'fired_at' must be a time like 2009-03-26 21:35:57, not 'yesterday'.");
  }

  @Test
  void formFieldsAreDecodedWithTheLastValueWinning() {
    assertThat(FormFields.parse("type=subscribe&data%5Bid%5D=a+b&x=1&x=2&flag"))
        .containsExactly(Map.entry("type", "subscribe"), Map.entry("data[id]", "a b"), Map.entry("x", "2"),
            Map.entry("flag", ""));
    assertThatThrownBy(() -> FormFields.parse("a=%zz")).isInstanceOf(ConnectorException.class);
  }

  private static Map<String, String> member(String type, String firedAt) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("type", type);
    form.put("fired_at", firedAt);
    form.put("data[id]", "8a25ff1d98");
    form.put("data[list_id]", "a6b5da1054");
    form.put("data[email]", "api@mailchimp.com");
    form.put("data[email_type]", "html");
    form.put("data[merges][EMAIL]", "api@mailchimp.com");
    form.put("data[merges][FNAME]", "MailChimp");
    form.put("data[merges][LNAME]", "API");
    form.put("data[ip_opt]", "10.20.10.30");
    return form;
  }
}
