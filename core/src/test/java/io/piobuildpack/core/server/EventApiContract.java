package io.piobuildpack.core.server;

import static io.piobuildpack.core.server.PeerFixture.APP;
import static io.piobuildpack.core.server.PeerFixture.KEY;
import static io.piobuildpack.core.server.PeerFixture.LIMITED_KEY;
import static io.piobuildpack.core.server.PeerFixture.OTHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.server.ApiClient.Reply;
import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.jdbc.JdbcEventStore;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route and error case in docs/event-server.md and of the recorded PredictionIO 0.10 session (transcript step numbers
 * in the test comments), over real HTTP against a server on a fresh store per test. Subclasses choose the
 * database.
 */
abstract class EventApiContract {

  static final String SET_U1 = "{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\","
      + "\"properties\":{\"a\":1,\"b\":\"x\"},\"eventTime\":\"2024-01-02T03:04:05.678Z\"}";
  static final String EVENTS = "/events.json?accessKey=" + KEY;
  static final String BATCH = "/batch/events.json?accessKey=" + KEY;
  static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  private static final AtomicInteger FRESH = new AtomicInteger();

  EventStore store;
  EventServer server;
  ApiClient api;

  /** Settings of an empty store whose tables use these prefixes. */
  abstract StorageSettings settings(String metadataPrefix, String eventDataPrefix);

  EventServerConfig config() {
    return EventServerConfig.defaults(new ListenAddress("127.0.0.1", 0)).withAccessLog(false)
        .withKeyCacheTtl(Duration.ofMillis(300)).withStopTimeout(Duration.ofMillis(100));
  }

  @BeforeEach
  void startServer() {
    int n = FRESH.incrementAndGet();
    store = JdbcEventStore.open(settings("m" + n, "e" + n));
    PeerFixture.seed(store);
    server = EventServer.start(config(), store);
    api = new ApiClient(server.uri());
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  void restart(EventServerConfig config) {
    server.stop();
    server = EventServer.start(config, store);
    api = new ApiClient(server.uri());
  }

  static void assertReply(Reply reply, int status, String body) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    assertThat(reply.body()).isEqualTo(body);
  }

  static String message(String text) {
    return "{\"message\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
  }

  /** The event JSON PredictionIO writes, with any creation time. */
  static Pattern storedEvent(String id, String fieldsAfterIdBeforeCreationTime) {
    return Pattern.compile(Pattern.quote("{\"eventId\":\"" + id + "\"," + fieldsAfterIdBeforeCreationTime
        + ",\"creationTime\":\"") + TIME + "\"}");
  }

  String post(String json) {
    Reply reply = api.post(EVENTS, json);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.eventId();
  }

  static String view(String entityId, String eventTime) {
    return "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"" + entityId + "\",\"eventTime\":\""
        + eventTime + "\"}";
  }

  // --- GET / and framework-level answers

  @Test
  void getRootAnswersAlive() { // #1
    Reply reply = api.get("/");
    assertReply(reply, 200, "{\"status\":\"alive\"}");
    assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(reply.header("Server")).isNull();
  }

  @Test
  void getHealthWhenStoreAnswersIs200() {
    assertReply(api.get("/health.json"), 200, "{\"status\":\"alive\",\"storage\":\"available\"}");
  }

  @Test
  void getPluginsAnswersNoPlugins() { // #50
    assertReply(api.get("/plugins.json"), 200, "{\"plugins\":{\"inputblockers\":{},\"inputsniffers\":{}}}");
  }

  @Test
  void putEventsIs405WithAllowHeader() { // #51
    Reply reply = api.send(api.request(EVENTS).PUT(HttpRequest.BodyPublishers.ofString(SET_U1))
        .header("Content-Type", "application/json"));
    assertReply(reply, 405, message("HTTP method not allowed, supported methods: POST, GET"));
    assertThat(reply.header("Allow")).isEqualTo("POST, GET");
  }

  @Test
  void unknownPathIs404() { // #52
    assertReply(api.get("/nosuchpath"), 404, message("The requested resource could not be found."));
    assertReply(api.get("/events.json/"), 404, message("The requested resource could not be found."));
  }

  @Test
  void oversizedHeadersAre431Json() {
    Reply reply = api.send(api.request("/").header("X-Big", "x".repeat(20_000)).GET());
    assertThat(reply.status()).isEqualTo(431);
    assertThat(reply.body()).startsWith("{\"message\":");
  }

  // --- POST /events.json

  @Test
  void postEventIs201AndReadsBackAsStored() { // #2, #25
    String id = post(SET_U1);
    assertThat(id).matches("[0-9a-f]{32}");
    Reply read = api.get("/events/" + id + ".json?accessKey=" + KEY);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).matches(storedEvent(id, "\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\","
        + "\"properties\":{\"a\":1,\"b\":\"x\"},\"eventTime\":\"2024-01-02T03:04:05.678Z\""));
  }

  @Test
  void postEventWithoutEventTimeUsesCreationTime() { // #3
    String id = post("{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\","
        + "\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4}}");
    String body = api.get("/events/" + id + ".json?accessKey=" + KEY).body();
    String eventTime = body.replaceAll(".*\"eventTime\":\"([^\"]+)\".*", "$1");
    assertThat(body).contains("\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4}")
        .endsWith("\"creationTime\":\"" + eventTime + "\"}");
  }

  @Test
  void postEventHonoursClientEventIdAndKeepsZone() { // #4, #24 (0.14 honours the id; 0.10 ignored it)
    String id = post("{\"eventId\":\"myOwnId123\",\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u2\","
        + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i9\",\"tags\":[\"t1\"],\"prId\":\"pr1\","
        + "\"eventTime\":\"2024-01-02T12:00:00.000+08:00\"}");
    assertThat(id).isEqualTo("myOwnId123");
    assertThat(api.get("/events/myOwnId123.json?accessKey=" + KEY).body()).matches(storedEvent("myOwnId123",
        "\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u2\",\"targetEntityType\":\"item\","
            + "\"targetEntityId\":\"i9\",\"properties\":{},\"eventTime\":\"2024-01-02T12:00:00.000+08:00\","
            + "\"prId\":\"pr1\""));
  }

  @Test
  void postEventWithTakenEventIdIs409AndStoresNothingNew() {
    post("{\"eventId\":\"dup1\",\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}");
    assertReply(api.post(EVENTS, "{\"eventId\":\"dup1\",\"event\":\"buy\",\"entityType\":\"user\",\"entityId\":\"u1\"}"),
        409, message("An event with this eventId already exists."));
    assertThat(store.events().count(EventScope.of(APP))).isEqualTo(1);
  }

  @Test
  void postEventWithTooLongEventIdIs400() {
    assertReply(api.post(EVENTS, "{\"eventId\":\"" + "a".repeat(33) + "\",\"event\":\"view\",\"entityType\":\"user\","
        + "\"entityId\":\"u1\"}"), 400, message("eventId must have 1 to 32 characters."));
  }

  @Test
  void postEventWhenBodyCutBetweenTokensIs400Nothing() { // #5
    assertReply(api.post(EVENTS, "{\"event\":\"$set\",\"entityType\":\"user\","), 400,
        message("Can't convert JNothing to class org.apache.predictionio.data.storage.Event"));
  }

  @Test
  void postEventWhenBodyIsNotJsonIs400() { // #6 (the parser's text differs from json4s')
    Reply reply = api.post(EVENTS, "hello");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).startsWith("{\"message\":\"not valid JSON: ");
  }

  @Test
  void postEventWhenBodyIsEmptyIs400() { // #7
    assertReply(api.post(EVENTS, ""), 400, message("Request entity expected but not supplied"));
  }

  @Test
  void postEventWithTextContentTypeIs415() { // #23
    assertReply(api.post(EVENTS, SET_U1, "text/plain"), 415,
        message("There was a problem with the requests Content-Type:\nExpected 'application/json'"));
  }

  @Test
  void postEventWithoutContentTypeIsReadAsJson() {
    assertThat(api.post(EVENTS, SET_U1, null).status()).isEqualTo(201);
  }

  @Test
  void postEventWithJsonInAnotherCharsetIsConverted() {
    HttpRequest.Builder request = api.request(EVENTS).header("Content-Type", "application/json; charset=ISO-8859-1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)));
    String id = api.send(request).eventId();
    assertThat(api.get("/events/" + id + ".json?accessKey=" + KEY).body()).contains("\"entityId\":\"caf\u00e9\"");
  }

  static Stream<Arguments> invalidEvents() {
    String requirement = "java.lang.IllegalArgumentException: requirement failed: ";
    return Stream.of(
        Arguments.of("{\"event\":\"view\",\"entityType\":\"user\"}", // #8
            "org.apache.predictionio.data.storage.DataMapException: The field entityId is required."),
        Arguments.of("{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{}}", // #12
            requirement + "properties cannot be empty for $unset event"),
        Arguments.of("{\"event\":\"$unset\",\"entityType\":\"user\",\"entityId\":\"u1\"}", // #13
            requirement + "properties cannot be empty for $unset event"),
        Arguments.of("{\"event\":\"$foo\",\"entityType\":\"user\",\"entityId\":\"u1\"}", // #14
            requirement + "$foo is not a supported reserved event name."),
        Arguments.of("{\"event\":\"view\",\"entityType\":\"pio_x\",\"entityId\":\"u1\"}", // #15
            requirement + "The entityType pio_x is not allowed. 'pio_' is a reserved name prefix."),
        Arguments.of("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\"}", // #16
            requirement + "targetEntityType and targetEntityId must be specified together."),
        Arguments.of("{\"event\":\"$set\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\","
            + "\"targetEntityId\":\"i1\",\"properties\":{\"a\":1}}", // #17
            requirement + "Reserved event $set cannot have targetEntity"),
        Arguments.of("{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\",\"eventTime\":\"yesterday\"}", // #18
            "org.json4s.package$MappingException: Fail to extract eventTime yesterday"),
        Arguments.of("{\"event\":\"\",\"entityType\":\"u\",\"entityId\":\"1\"}", requirement + "event must not be empty."),
        Arguments.of("[1]", "Can't convert JArray(List(JInt(1))) to class org.apache.predictionio.data.storage.Event"));
  }

  @ParameterizedTest
  @MethodSource("invalidEvents")
  void postInvalidEventIs400WithPredictionIoMessage(String body, String expected) {
    assertReply(api.post(EVENTS, body), 400, message(expected));
    assertThat(store.events().count(EventScope.of(APP))).isZero();
  }

  // --- authentication

  @Test
  void postEventWithoutAccessKeyIs401() { // #9, #42
    assertReply(api.post("/events.json", SET_U1), 401, message("Missing accessKey."));
    assertReply(api.get("/events.json"), 401, message("Missing accessKey."));
    assertThat(api.post("/events.json", SET_U1).header("WWW-Authenticate")).isNull();
  }

  @Test
  void postEventWithUnknownOrEmptyAccessKeyIs401() { // #10
    assertReply(api.post("/events.json?accessKey=nosuchkey", SET_U1), 401, message("Invalid accessKey."));
    assertReply(api.post("/events.json?accessKey=", SET_U1), 401, message("Invalid accessKey."));
    assertReply(api.post("/events.json?accessKey=fixedkey42", SET_U1), 401, message("Invalid accessKey."));
  }

  @Test
  void authenticationComesBeforeTheBody() {
    assertReply(api.post("/events.json?accessKey=nosuchkey", "hello"), 401, message("Invalid accessKey."));
  }

  @Test
  void postEventWithBasicAuthIs201InDefaultChannel() { // #11
    Reply reply = api.send(api.request("/events.json?channel=" + PeerFixture.CHANNEL)
        .header("Authorization", "Basic Zml4ZWRLZXk0Mjo=").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(SET_U1)));
    assertThat(reply.status()).isEqualTo(201);
    assertThat(store.events().get(EventScope.of(APP), reply.eventId())).isPresent();
  }

  @Test
  void basicAuthWithUnknownKeyOrBadHeaderIs401() {
    String unknown = Base64.getEncoder().encodeToString("nosuchkey:pw".getBytes(StandardCharsets.UTF_8));
    for (String header : List.of("Basic " + unknown, "Basic ###", "Bearer fixedKey42", "Basic ")) {
      Reply reply = api.send(api.request("/events.json").header("Authorization", header).GET());
      assertReply(reply, 401, message("Invalid accessKey."));
    }
  }

  @Test
  void restrictedKeyMayPostOnlyItsEvents() { // #19, #20
    assertReply(api.post("/events.json?accessKey=" + LIMITED_KEY,
        "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\"}"), 403, message("rate events are not allowed"));
    assertThat(api.post("/events.json?accessKey=" + LIMITED_KEY,
        "{\"event\":\"buy\",\"entityType\":\"user\",\"entityId\":\"u1\"}").status()).isEqualTo(201);
  }

  @Test
  void validationComesBeforeTheWhitelist() {
    assertReply(api.post("/events.json?accessKey=" + LIMITED_KEY, "{\"event\":\"rate\",\"entityType\":\"user\"}"),
        400, message("org.apache.predictionio.data.storage.DataMapException: The field entityId is required."));
  }

  @Test
  void eventsOfAChannelAreSeparate() { // #21, #41
    Reply created = api.post(EVENTS + "&channel=ch1", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u7\"}");
    assertThat(created.status()).isEqualTo(201);
    Reply inChannel = api.get(EVENTS + "&channel=ch1");
    assertThat(inChannel.status()).isEqualTo(200);
    assertThat(inChannel.body()).startsWith("[{\"eventId\":\"" + created.eventId() + "\"");
    assertReply(api.get(EVENTS), 404, message("Not Found"));
    assertReply(api.get("/events/" + created.eventId() + ".json?accessKey=" + KEY), 404, message("Not Found"));
  }

  @Test
  void unknownChannelIs401() { // #22
    assertReply(api.post(EVENTS + "&channel=nochan", "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u7\"}"),
        401, message("Invalid channel 'nochan'."));
  }

  @Test
  void revokedKeyStopsWorkingWithinTheCacheTime() throws InterruptedException {
    assertThat(api.get("/events.json?accessKey=" + LIMITED_KEY).status()).isEqualTo(404);
    store.accessKeys().delete(LIMITED_KEY);
    Thread.sleep(config().keyCacheTtl().toMillis() + 100);
    assertReply(api.get("/events.json?accessKey=" + LIMITED_KEY), 401, message("Invalid accessKey."));
  }

  @Test
  void keyOfADeletedAppIs401AtOnce() {
    assertThat(api.get("/events.json?accessKey=" + OTHER_KEY).status()).isEqualTo(404);
    store.apps().delete(PeerFixture.OTHER_APP);
    assertReply(api.post("/events.json?accessKey=" + OTHER_KEY, SET_U1), 401, message("Invalid accessKey."));
  }

  // --- GET and DELETE /events/<id>.json

  @Test
  void getEventOfAnotherAppIs404() { // #26, #27
    String id = post(SET_U1);
    assertReply(api.get("/events/" + id + ".json?accessKey=" + OTHER_KEY), 404, message("Not Found"));
    assertReply(api.get("/events/doesnotexist.json?accessKey=" + KEY), 404, message("Not Found"));
  }

  @Test
  void deleteEventIsFoundThenNotFound() { // #28, #29 (PredictionIO's JDBC backend said Found twice), #30
    String id = post(SET_U1);
    assertReply(api.delete("/events/" + id + ".json?accessKey=" + KEY), 200, message("Found"));
    assertReply(api.delete("/events/" + id + ".json?accessKey=" + KEY), 404, message("Not Found"));
    assertReply(api.get("/events/" + id + ".json?accessKey=" + KEY), 404, message("Not Found"));
  }

  /**
   * Client ids holding characters that are special in a URL path are reachable the way the PredictionIO SDKs
   * address them: percent-encoded in {@code /events/<id>.json} (Python's {@code quote(event_id, "")}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a\\b", "50%", "50%2F", "a;b", "a b", "a+b", "a?b#c", "\u00fcml\u00e4ut", "..", ".", "tab\there", "\u0001\u007f", "\ud83d\ude00"})
  void eventIdWithPathCharactersIsReadAndDeletedThroughItsPercentEncodedPath(String id) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Reply created = api.post(EVENTS, "{\"eventId\":" + json.writeValueAsString(id)
        + ",\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}");
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(json.readTree(created.body()).get("eventId").asText()).isEqualTo(id);
    String target = "/events/" + percentEncoded(id) + ".json?accessKey=" + KEY;
    Reply read = api.get(target);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(json.readTree(read.body()).get("eventId").asText()).isEqualTo(id);
    assertReply(api.delete(target), 200, message("Found"));
    assertReply(api.get(target), 404, message("Not Found"));
  }

  /** Every byte but the unreserved characters of RFC 3986 as {@code %XX}, as Python's {@code quote(s, "")}. */
  static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  @Test
  void deleteNeedsAKeyButNotTheWhitelist() {
    String id = post("{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\"}");
    assertReply(api.delete("/events/" + id + ".json"), 401, message("Missing accessKey."));
    assertReply(api.delete("/events/" + id + ".json?accessKey=" + LIMITED_KEY), 200, message("Found"));
  }

  // --- GET /events.json

  @Test
  void findEventsReturnsTwentyOldestByDefault() { // #31
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ids.add(post(view("u" + i, String.format("2024-01-01T00:00:%02d.000Z", 59 - i))));
    }
    Reply reply = api.get(EVENTS);
    assertThat(reply.status()).isEqualTo(200);
    List<String> returned = Pattern.compile("\"eventId\":\"([^\"]+)\"").matcher(reply.body()).results()
        .map(m -> m.group(1)).collect(Collectors.toList());
    List<String> expected = new ArrayList<>(ids.subList(5, 25));
    java.util.Collections.reverse(expected);
    assertThat(returned).containsExactlyElementsOf(expected);
  }

  @Test
  void findEventsOrdersByInstantNotLocalTime() { // #31, #33
    // 10:00+08:00 is 02:00Z, before 03:04Z, although its local time is later
    String utc = post(view("u1", "2024-01-02T03:04:05.678Z"));
    String plus8 = post(view("u2", "2024-01-02T10:00:00.000+08:00"));
    post(view("u3", "2024-01-05T00:00:00.000Z"));
    Reply reply = api.get(EVENTS + "&startTime=2024-01-01T00:00:00.000Z&untilTime=2024-01-03T00:00:00.000Z");
    assertThat(reply.body()).matches("\\[\\{\"eventId\":\"" + plus8
        + "\".*\"eventTime\":\"2024-01-02T10:00:00\\.000\\+08:00\".*\\},\\{\"eventId\":\"" + utc + "\".*\\}\\]");
  }

  @Test
  void findEventsFiltersByEntityEventAndTarget() { // #32, #36
    post(SET_U1);
    String rate = post("{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\","
        + "\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4}}");
    post("{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u2\",\"targetEntityType\":\"item\","
        + "\"targetEntityId\":\"i2\"}");
    Reply byEntity = api.get(EVENTS + "&entityType=user&entityId=u1&event=rate");
    assertThat(byEntity.body()).startsWith("[{\"eventId\":\"" + rate + "\"").doesNotContain("},{");
    Reply byTarget = api.get(EVENTS + "&targetEntityType=item&targetEntityId=i1");
    assertThat(byTarget.body()).startsWith("[{\"eventId\":\"" + rate + "\"").doesNotContain("},{");
  }

  @Test
  void findEventsReversedWithLimitGivesNewest() { // #34, #40
    post(view("u1", "2024-01-01T00:00:00.000Z"));
    String newest = post(view("u1", "2024-01-03T00:00:00.000Z"));
    post(view("u1", "2024-01-02T00:00:00.000Z"));
    Reply reply = api.get(EVENTS + "&entityType=user&entityId=u1&limit=1&reversed=true");
    assertThat(reply.body()).startsWith("[{\"eventId\":\"" + newest + "\"").doesNotContain("},{");
    assertThat(api.get(EVENTS + "&entityType=user&entityId=u1&limit=-1").body().split("\\},\\{")).hasSize(3);
  }

  @Test
  void findEventsWithNoMatchIs404() { // #37
    post(SET_U1);
    assertReply(api.get(EVENTS + "&entityType=nobody"), 404, message("Not Found"));
    assertReply(api.get(EVENTS + "&limit=0"), 404, message("Not Found"));
  }

  @Test
  void findEventsReversedWithoutEntityIs400() { // #35 (PredictionIO: 500)
    assertReply(api.get(EVENTS + "&reversed=true"), 400, message("requirement failed: the parameter reversed can only"
        + " be used with both entityType and entityId specified."));
  }

  @Test
  void findEventsWithMalformedParametersIs400() { // #38, #39
    assertReply(api.get(EVENTS + "&startTime=notatime"), 400,
        message("java.lang.IllegalArgumentException: Invalid format: \"notatime\""));
    assertReply(api.get(EVENTS + "&untilTime=2004-12-13T21:39:45.618"), 400, message(
        "java.lang.IllegalArgumentException: Invalid format: \"2004-12-13T21:39:45.618\" is malformed at \".618\""));
    assertReply(api.get(EVENTS + "&limit=abc"), 400,
        message("The query parameter 'limit' was malformed:\n'abc' is not a valid 32-bit integer value"));
    assertReply(api.get(EVENTS + "&entityType=user&entityId=u1&reversed=maybe"), 400,
        message("The query parameter 'reversed' was malformed:\n'maybe' is not a valid Boolean value"));
  }

  @Test
  void findEventsWithPercentEncodedOffsetParsesIt() {
    String id = post(view("u1", "2024-01-02T12:00:00.000+08:00"));
    assertThat(api.get(EVENTS + "&startTime=2024-01-02T11:59:00.000%2B08:00").body()).contains(id);
  }

  @Test
  void findEventsStreamsLargeResults() {
    List<String> lines = IntStream.range(0, 1200).mapToObj(i -> view("bulk" + i, "2024-01-01T00:00:00.000Z"))
        .collect(Collectors.toList());
    for (int i = 0; i < lines.size(); i += 50) {
      assertThat(api.post(BATCH, "[" + String.join(",", lines.subList(i, i + 50)) + "]").status()).isEqualTo(200);
    }
    Reply reply = api.get(EVENTS + "&limit=-1");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Length")).isNull();
    assertThat(reply.body()).startsWith("[{").endsWith("}]");
    assertThat(reply.body().split("\\},\\{")).hasSize(1200);
  }

  // --- POST /batch/events.json

  @Test
  void batchAnswersEachItemInOrder() { // #43
    Reply reply = api.post(BATCH, "[{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"b1\","
        + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\"},{\"event\":\"$unset\",\"entityType\":\"user\","
        + "\"entityId\":\"b1\",\"properties\":{}},{\"event\":\"buy\",\"entityType\":\"user\"},{\"event\":\"$set\","
        + "\"entityType\":\"user\",\"entityId\":\"b2\",\"properties\":{\"x\":true}}]");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).matches(Pattern.quote("[{\"status\":201,\"eventId\":\"") + "[0-9a-f]{32}"
        + Pattern.quote("\"},{\"status\":400,\"message\":\"java.lang.IllegalArgumentException: requirement failed: "
        + "properties cannot be empty for $unset event\"},{\"status\":400,\"message\":\"org.apache.predictionio.data."
        + "storage.DataMapException: The field entityId is required.\"},{\"status\":201,\"eventId\":\"")
        + "[0-9a-f]{32}" + Pattern.quote("\"}]"));
    assertThat(store.events().count(EventScope.of(APP))).isEqualTo(2);
  }

  @Test
  void batchAppliesTheWhitelistPerItem() { // #44
    Reply reply = api.post("/batch/events.json?accessKey=" + LIMITED_KEY,
        "[{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"b1\"},"
            + "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"b1\"}]");
    assertThat(reply.body()).matches(Pattern.quote("[{\"status\":201,\"eventId\":\"") + "[0-9a-f]{32}"
        + Pattern.quote("\"},{\"status\":403,\"message\":\"rate events are not allowed\"}]"));
  }

  @Test
  void batchOf51IsRefusedWhole() { // #45
    String items = IntStream.range(0, 51).mapToObj(i -> view("u" + i, "2024-01-01T00:00:00.000Z"))
        .collect(Collectors.joining(",", "[", "]"));
    assertReply(api.post(BATCH, items), 400, message("Batch request must have less than or equal to 50 events"));
    assertThat(store.events().count(EventScope.of(APP))).isZero();
  }

  @Test
  void batchOf50IsStored() { // #46
    String items = IntStream.range(0, 50).mapToObj(i -> view("u" + i, "2024-01-01T00:00:00.000Z"))
        .collect(Collectors.joining(",", "[", "]"));
    Reply reply = api.post(BATCH, items);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().split("\"status\":201")).hasSize(51);
    assertThat(store.events().count(EventScope.of(APP))).isEqualTo(50);
  }

  @Test
  void emptyBatchIsEmptyArray() { // #47
    assertReply(api.post(BATCH, "[]"), 200, "[]");
  }

  @Test
  void batchThatIsNotAnArrayIs400() { // #48
    assertReply(api.post(BATCH, SET_U1), 400, message("Can't convert JObject(List((event,JString($set)), (entityType,"
        + "JString(user)), (entityId,JString(u1)), (properties,JObject(List((a,JInt(1)), (b,JString(x))))), "
        + "(eventTime,JString(2024-01-02T03:04:05.678Z)))) to interface scala.collection.Seq"));
  }

  @Test
  void batchWithTextContentTypeIs415() {
    assertThat(api.post(BATCH, "[]", "text/plain").status()).isEqualTo(415);
  }

  @Test
  void batchWithATakenEventIdStoresNothing() {
    post("{\"eventId\":\"taken\",\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\"}");
    String conflict = "{\"status\":409,\"message\":\"An event of this batch has an eventId that already exists; no event"
        + " of the batch was stored.\"}";
    assertReply(api.post(BATCH, "[{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u2\"},"
        + "{\"eventId\":\"taken\",\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u3\"},"
        + "{\"event\":\"view\",\"entityType\":\"user\"}]"), 200, "[" + conflict + "," + conflict
        + ",{\"status\":400,\"message\":\"org.apache.predictionio.data.storage.DataMapException: The field entityId"
        + " is required.\"}]");
    assertThat(store.events().count(EventScope.of(APP))).isEqualTo(1);
  }

  // --- limits

  @Test
  void bodyOverTheLimitIs413() {
    restart(config().withMaxBodyBytes(64 * 1024));
    String big = "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{\"p\":\""
        + "x".repeat(70 * 1024) + "\"}}";
    assertReply(api.post(EVENTS, big), 413, message("The request body is larger than the limit of 65536 bytes."));
    Reply chunked = api.send(api.request(EVENTS).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
    assertReply(chunked, 413, message("The request body is larger than the limit of 65536 bytes."));
    assertThat(api.get("/").status()).isEqualTo(200);
  }

  @Test
  void bodyUnderTheDefaultLimitOfEightMegabytesIsStored() {
    String large = "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u1\",\"properties\":{\"p\":\""
        + "x".repeat(7 * 1024 * 1024) + "\"}}";
    assertThat(api.post(EVENTS, large).status()).isEqualTo(201);
    assertThat(api.post(EVENTS, large + " ".repeat(1024 * 1024 + 1)).status()).isEqualTo(413);
  }

  // --- stats

  @Test
  void statsWithoutTheOptionIs404() { // #49
    assertReply(api.get("/stats.json?accessKey=" + KEY), 404,
        message("To see stats, launch Event Server with --stats argument."));
  }

  @Test
  void statsCountStoredEventsPerApp() {
    restart(config().withStats(true));
    post(SET_U1);
    api.post(BATCH, "[" + view("u2", "2024-01-01T00:00:00.000Z") + "," + view("u3", "2024-01-01T00:00:00.000Z") + "]");
    api.post("/events.json?accessKey=" + OTHER_KEY, SET_U1);
    Reply reply = api.get("/stats.json?accessKey=" + KEY);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).matches("\\{\"time\":\"" + TIME + "\",\"currentHour\":\\{\"startTime\":\"" + TIME
        + "\",\"basic\":\\[.*\\],\"statusCode\":\\[\\{\"key\":201,\"value\":3\\}\\]\\},\"prevHour\":\\{.*\\},"
        + "\"longLive\":.*")
        .contains("{\"key\":{\"entityType\":\"user\",\"event\":\"view\"},\"value\":2}")
        .contains("{\"key\":{\"entityType\":\"user\",\"event\":\"$set\"},\"value\":1}");
    assertReply(api.get("/stats.json"), 401, message("Missing accessKey."));
  }

  // --- webhooks

  @Test
  void segmentIoIdentifyIsStored() {
    String payload = "{\"version\":\"2\",\"type\":\"identify\",\"user_id\":\"seg1\",\"sent_at\":\"2015-01-01T00:00:00Z\","
        + "\"timestamp\":\"2015-01-01T00:00:00.000Z\",\"traits\":{\"name\":\"Ann\"},\"context\":{\"ip\":\"8.8.8.8\"}}";
    Reply reply = api.post("/webhooks/segmentio.json?accessKey=" + KEY, payload);
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(api.get("/events/" + reply.eventId() + ".json?accessKey=" + KEY).body()).matches(storedEvent(
        reply.eventId(), "\"event\":\"identify\",\"entityType\":\"user\",\"entityId\":\"seg1\",\"properties\":"
            + "{\"context\":{\"ip\":\"8.8.8.8\"},\"traits\":{\"name\":\"Ann\"}},\"eventTime\":\"2015-01-01T00:00:00.000Z\""));
  }

  @Test
  void segmentIoErrorsAre400() {
    assertReply(api.post("/webhooks/segmentio.json?accessKey=" + KEY, "{\"type\":\"identify\"}"), 400,
        message("Failed to get segment.io API version."));
    assertReply(api.post("/webhooks/segmentio.json?accessKey=" + KEY, "{\"version\":2,\"type\":\"bogus\","
        + "\"sent_at\":\"x\",\"timestamp\":\"2015-01-01T00:00:00.000Z\",\"user_id\":\"u\"}"), 400,
        message("Cannot convert unknown type bogus to event JSON."));
  }

  @Test
  void webhookConnectorsAreListedByGet() {
    assertReply(api.get("/webhooks/segmentio.json?accessKey=" + KEY), 200, message("Ok"));
    assertReply(api.get("/webhooks/mailchimp.form?accessKey=" + KEY), 200, message("Ok"));
    assertReply(api.get("/webhooks/mailchimp.json?accessKey=" + KEY), 404,
        message("webhooks connection for mailchimp is not supported."));
    assertReply(api.post("/webhooks/nope.json?accessKey=" + KEY, "{}"), 404,
        message("webhooks connection for nope is not supported."));
    assertReply(api.get("/webhooks/segmentio.json"), 401, message("Missing accessKey."));
  }

  @Test
  void mailChimpSubscribeIsStoredInTheChannel() {
    String form = "type=subscribe&fired_at=2009-03-26+21%3A35%3A57&data%5Bid%5D=8a25ff1d98&data%5Blist_id%5D=a6b5da1054"
        + "&data%5Bemail%5D=api%40mailchimp.com&data%5Bemail_type%5D=html&data%5Bmerges%5D%5BEMAIL%5D=api%40mailchimp.com"
        + "&data%5Bmerges%5D%5BFNAME%5D=MailChimp&data%5Bmerges%5D%5BLNAME%5D=API"
        + "&data%5Bip_opt%5D=10.20.10.30&data%5Bip_signup%5D=10.20.10.30";
    Reply reply = api.post("/webhooks/mailchimp.form?accessKey=" + KEY + "&channel=ch1", form,
        "application/x-www-form-urlencoded");
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    assertThat(api.get("/events/" + reply.eventId() + ".json?accessKey=" + KEY + "&channel=ch1").body())
        .matches(storedEvent(reply.eventId(), "\"event\":\"subscribe\",\"entityType\":\"user\",\"entityId\":"
            + "\"8a25ff1d98\",\"targetEntityType\":\"list\",\"targetEntityId\":\"a6b5da1054\",\"properties\":{"
            + "\"email\":\"api@mailchimp.com\",\"email_type\":\"html\",\"merges\":{\"EMAIL\":\"api@mailchimp.com\","
            + "\"FNAME\":\"MailChimp\",\"LNAME\":\"API\"},\"ip_opt\":\"10.20.10.30\",\"ip_signup\":\"10.20.10.30\"},"
            + "\"eventTime\":\"2009-03-26T21:35:57.000Z\""));
  }

  @Test
  void mailChimpErrorsAre400Or415() {
    String form = "application/x-www-form-urlencoded";
    assertReply(api.post("/webhooks/mailchimp.form?accessKey=" + KEY, "fired_at=x", form), 400,
        message("The field 'type' is required for MailChimp data."));
    assertReply(api.post("/webhooks/mailchimp.form?accessKey=" + KEY, "type=nope", form), 400,
        message("Cannot convert unknown MailChimp data type nope to event JSON"));
    assertReply(api.post("/webhooks/mailchimp.form?accessKey=" + KEY, "type=upemail&fired_at=2009-03-26+22:15:09", form),
        400, message("The field 'data[new_id]' is required for MailChimp data of type upemail."));
    assertThat(api.post("/webhooks/mailchimp.form?accessKey=" + KEY, "{}").status()).isEqualTo(415);
  }

  @Test
  void webhooksApplyTheWhitelist() {
    String payload = "{\"version\":\"2\",\"type\":\"track\",\"event\":\"Bought\",\"user_id\":\"seg1\","
        + "\"sent_at\":\"x\",\"timestamp\":\"2015-01-01T00:00:00.000Z\"}";
    assertReply(api.post("/webhooks/segmentio.json?accessKey=" + LIMITED_KEY, payload), 403,
        message("track events are not allowed"));
  }

  @Test
  void storedTimesRoundTripThroughTheServer() {
    String id = post(view("u1", "2004-12-13T21:39:45.618-07:00"));
    assertThat(api.get("/events/" + id + ".json?accessKey=" + KEY).body())
        .contains("\"eventTime\":\"2004-12-13T21:39:45.618-07:00\"");
    try (Stream<io.piobuildpack.core.event.Event> events = store.events().find(EventScope.of(APP), EventQuery.ALL)) {
      assertThat(events.map(e -> EventTimes.format(e.eventTime()))).containsExactly("2004-12-13T21:39:45.618-07:00");
    }
  }
}
