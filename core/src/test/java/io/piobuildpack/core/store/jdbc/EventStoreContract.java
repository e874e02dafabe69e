package io.piobuildpack.core.store.jdbc;

import static io.piobuildpack.core.store.jdbc.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.piobuildpack.core.batch.EventFileSource;
import io.piobuildpack.core.config.StorageSettings;
import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.EventProperties;
import io.piobuildpack.core.event.EventTimes;
import io.piobuildpack.core.store.AccessKey;
import io.piobuildpack.core.store.AccessKeyAlreadyExistsException;
import io.piobuildpack.core.store.App;
import io.piobuildpack.core.store.AppAlreadyExistsException;
import io.piobuildpack.core.store.AppNotFoundException;
import io.piobuildpack.core.store.Channel;
import io.piobuildpack.core.store.ChannelAlreadyExistsException;
import io.piobuildpack.core.store.ChannelNotFoundException;
import io.piobuildpack.core.store.CreatedApp;
import io.piobuildpack.core.store.CreatedAppImport;
import io.piobuildpack.core.store.EventIdConflictException;
import io.piobuildpack.core.store.EventQuery;
import io.piobuildpack.core.store.EventScope;
import io.piobuildpack.core.store.EventStore;
import io.piobuildpack.core.store.ImportListener;
import io.piobuildpack.core.store.ImportResult;
import io.piobuildpack.core.store.InvalidAccessKeyException;
import io.piobuildpack.core.store.InvalidBatchFileException;
import io.piobuildpack.core.store.InvalidChannelNameException;
import io.piobuildpack.core.store.NewApp;
import io.piobuildpack.core.store.PropertyMap;
import io.piobuildpack.core.store.TargetFilter;
import io.piobuildpack.core.store.TimeRange;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every dialect of the event store must show. Subclasses say how to reach a fresh store; each test
 * gets tables of its own.
 */
abstract class EventStoreContract {

  private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

  @TempDir
  Path files;

  EventStore store;
  StorageSettings settings;

  /** Settings of a store whose tables no other test uses. */
  abstract StorageSettings freshSettings(String metadataPrefix, String eventDataPrefix);

  /** A plain JDBC connection to the same database, for looking at rows directly. */
  abstract Connection rawConnection() throws SQLException;

  /** Called while an import is running: break its connection (or the process reading the file). */
  abstract void interruptImport() throws Exception;

  @BeforeEach
  void openStore() {
    int n = TEST_NUMBER.incrementAndGet();
    settings = freshSettings("m" + n, "e" + n);
    store = JdbcEventStore.open(settings);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** Apps: ids, names, access keys given at creation, deletion with everything they own. */
  @Nested
  class Apps {

    @Test
    void createAppWhenNoIdGivenAssignsIdAndCreatesKeyAndEventTable() {
      CreatedApp created = store.apps().create(NewApp.named("MyApp").withDescription("first"));

      assertThat(created.app().id()).isPositive();
      assertThat(store.apps().findByName("MyApp")).contains(created.app());
      assertThat(store.apps().findById(created.app().id())).contains(new App(created.app().id(), "MyApp", "first"));
      assertThat(created.accessKey().key()).hasSize(64).matches("[A-Za-z0-9_-]{64}").doesNotStartWith("-");
      assertThat(store.accessKeys().listByApp(created.app().id())).containsExactly(created.accessKey());
      assertThat(store.events().count(EventScope.of(created.app().id()))).isZero();
    }

    @Test
    void createAppWhenNameTakenThrowsAppAlreadyExists() {
      store.apps().create(NewApp.named("Dup"));

      assertThatThrownBy(() -> store.apps().create(NewApp.named("Dup")))
          .isInstanceOf(AppAlreadyExistsException.class).hasMessageContaining("Dup");
      assertThat(store.apps().list()).hasSize(1);
    }

    @Test
    void createAppWhenExplicitIdThenAutoIdDoesNotCollide() {
      store.apps().create(NewApp.named("Explicit").withId(1));
      store.apps().create(NewApp.named("Explicit42").withId(42));

      CreatedApp auto = store.apps().create(NewApp.named("Auto"));

      assertThat(auto.app().id()).isNotIn(1, 42);
      assertThat(store.apps().list()).extracting(App::name).containsExactlyInAnyOrder("Explicit", "Explicit42", "Auto");
    }

    @Test
    void createAppWhenExplicitIdTakenThrows() {
      store.apps().create(NewApp.named("A").withId(7));

      assertThatThrownBy(() -> store.apps().create(NewApp.named("B").withId(7)))
          .isInstanceOf(AppAlreadyExistsException.class).hasMessageContaining("ID 7");
    }

    @Test
    void createAppWhenAccessKeyGivenStoresItWithWhitelist() {
      CreatedApp created = store.apps().create(
          NewApp.named("Keyed").withAccessKey("myKey123").withKeyEvents(List.of("view", "buy")));

      assertThat(store.accessKeys().find("myKey123"))
          .contains(new AccessKey("myKey123", created.app().id(), List.of("view", "buy")));
    }

    @Test
    void createAppWhenGivenKeyIsInUseLeavesNoApp() {
      store.apps().create(NewApp.named("First").withAccessKey("sharedKey"));

      assertThatThrownBy(() -> store.apps().create(NewApp.named("Second").withAccessKey("sharedKey")))
          .isInstanceOf(AccessKeyAlreadyExistsException.class);
      assertThat(store.apps().findByName("Second")).isEmpty();
    }

    @Test
    void deleteAppRemovesChannelsKeysAndEventTables() {
      int app = store.apps().create(NewApp.named("Gone")).app().id();
      Channel channel = store.channels().create(app, "ch1");
      store.events().insert(EventScope.of(app), TestEvents.rate("u", "i", 0));

      store.apps().delete(app);

      assertThat(store.apps().findById(app)).isEmpty();
      assertThat(store.accessKeys().listByApp(app)).isEmpty();
      assertThat(store.channels().listByApp(app)).isEmpty();
      assertThatThrownBy(() -> store.events().count(EventScope.of(app))).isInstanceOf(AppNotFoundException.class);
      assertThatThrownBy(() -> store.events().count(EventScope.of(app, channel.id())))
          .isInstanceOf(ChannelNotFoundException.class);
    }

    @Test
    void deleteAppWhenMissingThrowsAppNotFound() {
      assertThatThrownBy(() -> store.apps().delete(999)).isInstanceOf(AppNotFoundException.class);
    }
  }

  /** Access keys: create, list, delete, invalid keys and missing apps. */
  @Nested
  class AccessKeys {

    @Test
    void accessKeysCreateListAndDelete() {
      int app = store.apps().create(NewApp.named("K")).app().id();

      AccessKey generated = store.accessKeys().create(app, null, List.of());
      AccessKey limited = store.accessKeys().create(app, "limited", List.of("view"));

      assertThat(generated.key()).hasSize(64).doesNotStartWith("-");
      assertThat(store.accessKeys().listByApp(app)).hasSize(3).contains(generated, limited);
      assertThat(store.accessKeys().find("limited").orElseThrow().allows("buy")).isFalse();
      assertThat(store.accessKeys().delete("limited")).isTrue();
      assertThat(store.accessKeys().delete("limited")).isFalse();
      assertThat(store.accessKeys().find("limited")).isEmpty();
    }

    @Test
    void accessKeyCreateWhenKeyInvalidOrAppMissingThrows() {
      int app = store.apps().create(NewApp.named("K")).app().id();

      assertThatThrownBy(() -> store.accessKeys().create(app, "x".repeat(65), List.of()))
          .isInstanceOf(InvalidAccessKeyException.class);
      assertThatThrownBy(() -> store.accessKeys().create(app, "-dash", List.of()))
          .isInstanceOf(InvalidAccessKeyException.class);
      assertThatThrownBy(() -> store.accessKeys().create(app + 1, null, List.of()))
          .isInstanceOf(AppNotFoundException.class);
    }

    @Test
    void accessKeyWhitelistIsStoredCommaJoinedOrNull() throws SQLException {
      int app = store.apps().create(NewApp.named("K").withAccessKey("all")).app().id();
      store.accessKeys().create(app, "some", List.of("view", "buy"));

      assertThat(rawStrings("SELECT events FROM " + settings.metadataPrefix() + "_accesskeys ORDER BY accesskey"))
          .containsExactly((String) null, "view,buy");
    }
  }

  /** Channels: create, find, delete, invalid and taken names, separate events. */
  @Nested
  class Channels {

    @Test
    void channelsCreateFindListAndDelete() {
      int app = store.apps().create(NewApp.named("C")).app().id();

      Channel one = store.channels().create(app, "ch-1");
      Channel two = store.channels().create(app, "Two");

      assertThat(store.channels().listByApp(app)).containsExactly(one, two);
      assertThat(store.channels().find(app, "Two")).contains(two);
      store.channels().delete(app, "ch-1");
      assertThat(store.channels().listByApp(app)).containsExactly(two);
      assertThatThrownBy(() -> store.channels().delete(app, "ch-1")).isInstanceOf(ChannelNotFoundException.class);
    }

    @Test
    void channelCreateWhenNameInvalidOrTakenThrows() {
      int app = store.apps().create(NewApp.named("C")).app().id();
      store.channels().create(app, "taken");

      assertThatThrownBy(() -> store.channels().create(app, "has space"))
          .isInstanceOf(InvalidChannelNameException.class);
      assertThatThrownBy(() -> store.channels().create(app, "x".repeat(17)))
          .isInstanceOf(InvalidChannelNameException.class);
      assertThatThrownBy(() -> store.channels().create(app, "taken"))
          .isInstanceOf(ChannelAlreadyExistsException.class);
      assertThatThrownBy(() -> store.channels().create(app + 1, "other")).isInstanceOf(AppNotFoundException.class);
    }

    @Test
    void channelEventsAreSeparateFromDefaultChannel() {
      int app = store.apps().create(NewApp.named("C")).app().id();
      Channel channel = store.channels().create(app, "ch");

      store.events().insert(EventScope.of(app, channel.id()), TestEvents.rate("u", "i", 0));

      assertThat(store.events().count(EventScope.of(app, channel.id()))).isEqualTo(1);
      assertThat(store.events().count(EventScope.of(app))).isZero();
    }
  }

  /** Events: every field and time round-trips, insert, batches, delete, find and its filters. */
  @Nested
  class Events {

    @Test
    void insertThenGetReturnsEveryField() {
      EventScope scope = newApp();
      Event event = Event.builder("buy", "user", "u1")
          .target("item", "i1")
          .properties(EventProperties.of("price", 4.5, "tags", List.of("a", "b"), "nested", Map.of("k", true),
              "nothing", null, "big", new BigInteger("123456789012345678901234567890")))
          .eventTime(EventTimes.parse("2004-12-13T21:39:45.618-07:00"))
          .tags(List.of("t1", "t2"))
          .prId("pr-1")
          .creationTime(EventTimes.parse("2019-05-01T10:00:00.123Z"))
          .build();

      String id = store.events().insert(scope, event);

      assertThat(id).matches("[0-9a-f]{32}");
      assertThat(store.events().get(scope, id)).contains(event.withEventId(id));
      assertThat(store.events().get(scope, "nope")).isEmpty();
    }

    @Test
    void timesRoundTripWithTheirOffsetsAndMilliseconds() {
      EventScope scope = newApp();
      for (String time : List.of("2024-01-02T12:00:00.001+08:00", "2024-01-02T12:00:00.999-03:30",
          "2024-01-02T03:04:05.678Z", "1969-12-31T23:59:59.999Z")) {
        Event event = Event.builder("view", "user", "u").eventTime(EventTimes.parse(time))
            .creationTime(EventTimes.parse(time)).build();

        Event read = store.events().get(scope, store.events().insert(scope, event)).orElseThrow();

        assertThat(EventTimes.format(read.eventTime())).isEqualTo(time);
        assertThat(EventTimes.format(read.creationTime())).isEqualTo(time);
        assertThat(read.eventTime().getZone()).isEqualTo(event.eventTime().getZone());
      }
    }

    @Test
    void timesRoundTripWhenStoreZoneIsNotUtc() {
      store.close();
      settings = settings.withTimestampZone(ZoneId.of("America/St_Johns"));
      store = JdbcEventStore.open(settings);
      EventScope scope = newApp();
      Event event = Event.builder("view", "user", "u").eventTime(EventTimes.parse("2024-07-01T00:30:00.250+08:00"))
          .build();

      Event read = store.events().get(scope, store.events().insert(scope, event)).orElseThrow();

      assertThat(read.eventTime()).isEqualTo(event.eventTime());
      assertThat(read.creationTime()).isEqualTo(event.creationTime());
    }

    @Test
    void eventsInTheRepeatedHourOfAFallBackReadBackAsTheSameInstants() throws IOException {
      store.close();
      settings = settings.withTimestampZone(ZoneId.of("America/New_York"));
      store = JdbcEventStore.open(settings);
      EventScope scope = newApp();
      // 01:30 EDT and 01:30 EST on 2024-11-03: the same wall-clock time in the store zone, an hour apart
      List<String> times = List.of("2024-11-03T05:30:00.000Z", "2024-11-03T06:30:00.000Z", "2024-11-03T06:30:00.123Z",
          "2024-11-03T05:59:59.999Z", "2024-11-03T07:00:00.000Z");
      for (String time : times) {
        Event event = Event.builder("view", "user", "u").eventTime(EventTimes.parse(time)).build();
        Event read = store.events().get(scope, store.events().insert(scope, event)).orElseThrow();
        assertThat(EventTimes.format(read.eventTime())).as("inserted %s", time).isEqualTo(time);
      }
      EventScope imported = newApp();
      List<String> lines = times.stream().map(t -> "{\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"" + t
          + "\",\"eventTime\":\"" + t + "\"}").toList();
      store.bulk().importEvents(imported, EventFileSource.ofPath(TestEvents.lines(files, "fall-back.json", lines)),
          p -> { });
      try (Stream<Event> events = store.events().find(imported, EventQuery.ALL)) {
        assertThat(events.map(e -> e.entityId() + "=" + EventTimes.format(e.eventTime())))
            .as("imported").containsExactlyInAnyOrderElementsOf(times.stream().map(t -> t + "=" + t).toList());
      }
    }

    @Test
    void anInsertRedoneAfterALostConnectionStoresTheEventOnceAndStillSeesConflicts() {
      EventScope scope = newApp();
      JdbcEventRepository events = (JdbcEventRepository) store.events();
      Event event = Event.builder("view", "user", "u1").eventId("retried").build();
      events.insert(scope, event); // the lost attempt had committed

      assertThat(events.insertAfterLostConnection(scope, event)).isEqualTo("retried");
      assertThat(events.count(scope)).isEqualTo(1);
      Event other = Event.builder("view", "user", "u2").eventId("retried").build();
      assertThatThrownBy(() -> events.insertAfterLostConnection(scope, other))
          .isInstanceOf(EventIdConflictException.class);
      Event notYetStored = Event.builder("view", "user", "u3").eventId("lost").build();
      assertThat(events.insertAfterLostConnection(scope, notYetStored)).isEqualTo("lost");
      assertThat(events.count(scope)).isEqualTo(2);
    }

    @Test
    void zoneColumnsHoldUtcNeverZ() throws SQLException {
      EventScope scope = newApp();
      store.events().insert(scope, Event.builder("view", "user", "u")
          .eventTime(EventTimes.parse("2024-01-02T03:04:05.678+00:00")).build());

      assertThat(rawStrings("SELECT eventtimezone FROM " + table(scope))).containsExactly("UTC");
      assertThat(rawStrings("SELECT creationtimezone FROM " + table(scope))).containsExactly("UTC");
    }

    @Test
    void getWhenPropertiesColumnIsNullReadsEmptyProperties() throws SQLException {
      EventScope scope = newApp();
      String id = store.events().insert(scope, TestEvents.rate("u", "i", 0));
      rawExecute("UPDATE " + table(scope) + " SET properties = NULL");

      assertThat(store.events().get(scope, id).orElseThrow().properties()).isEqualTo(EventProperties.EMPTY);
    }

    @Test
    void insertWhenEventIdExistsThrowsEventIdConflict() {
      EventScope scope = newApp();
      store.events().insert(scope, TestEvents.rate("u", "i", 0).withEventId("abc"));

      assertThatThrownBy(() -> store.events().insert(scope, TestEvents.rate("v", "i", 0).withEventId("abc")))
          .isInstanceOf(EventIdConflictException.class);
      assertThat(store.events().get(scope, "abc").orElseThrow().entityId()).isEqualTo("u");
    }

    @Test
    void insertBatchReturnsIdsInOrder() {
      EventScope scope = newApp();
      List<Event> events = List.of(TestEvents.rate("a", "i", 0), TestEvents.rate("b", "i", 1).withEventId("given"),
          TestEvents.rate("c", "i", 2));

      List<String> ids = store.events().insertBatch(scope, events);

      assertThat(ids).hasSize(3).element(1).isEqualTo("given");
      assertThat(ids).extracting(id -> store.events().get(scope, id).orElseThrow().entityId())
          .containsExactly("a", "b", "c");
    }

    @Test
    void insertBatchWhenOneEventFailsWritesNone() {
      EventScope scope = newApp();
      store.events().insert(scope, TestEvents.rate("a", "i", 0).withEventId("dup"));

      assertThatThrownBy(() -> store.events().insertBatch(scope,
          List.of(TestEvents.rate("b", "i", 0), TestEvents.rate("c", "i", 0).withEventId("dup"))))
          .isInstanceOf(EventIdConflictException.class);
      assertThat(store.events().count(scope)).isEqualTo(1);
    }

    @Test
    void deleteReturnsWhetherAnEventWasDeleted() {
      EventScope scope = newApp();
      String id = store.events().insert(scope, TestEvents.rate("u", "i", 0));

      assertThat(store.events().delete(scope, id)).isTrue();
      assertThat(store.events().delete(scope, id)).isFalse();
    }

    @Test
    void eventOperationsWhenAppMissingThrowAppNotFound() {
      EventScope missing = EventScope.of(4242);

      assertThatThrownBy(() -> store.events().insert(missing, TestEvents.rate("u", "i", 0)))
          .isInstanceOf(AppNotFoundException.class);
      assertThatThrownBy(() -> store.events().find(missing, EventQuery.ALL)).isInstanceOf(AppNotFoundException.class);
      assertThatThrownBy(() -> store.bulk().importEvents(missing, source("x.json", TestEvents.viewLine(null, 1)),
          p -> { })).isInstanceOf(AppNotFoundException.class);
    }

    @Test
    void findFiltersByTimeRangeEntityAndEventNames() {
      EventScope scope = newApp();
      store.events().insertBatch(scope, List.of(TestEvents.rate("u1", "i1", 0), TestEvents.rate("u1", "i2", 10),
          TestEvents.rate("u2", "i1", 20), TestEvents.special("$set", "u1", 30, EventProperties.of("a", 1L))));

      assertThat(find(scope, EventQuery.ALL.withTime(TimeRange.between(T0.plusMinutes(10).toInstant(),
          T0.plusMinutes(30).toInstant())))).extracting(Event::entityId).containsExactly("u1", "u2");
      assertThat(find(scope, EventQuery.ALL.withEntity("user", "u1"))).hasSize(3);
      assertThat(find(scope, EventQuery.ALL.withEventNames(List.of("$set", "buy")))).extracting(Event::event)
          .containsExactly("$set");
      assertThat(find(scope, EventQuery.ALL.withEntityType("item"))).isEmpty();
    }

    @Test
    void findTargetFiltersAreTriState() {
      EventScope scope = newApp();
      store.events().insertBatch(scope, List.of(TestEvents.rate("u1", "i1", 0), TestEvents.rate("u1", "i2", 1),
          TestEvents.special("$set", "u1", 2, EventProperties.of("a", 1L))));

      assertThat(find(scope, EventQuery.ALL.withTargetEntityType(TargetFilter.ANY))).hasSize(3);
      assertThat(find(scope, EventQuery.ALL.withTargetEntityType(TargetFilter.ABSENT))).extracting(Event::event)
          .containsExactly("$set");
      assertThat(find(scope, EventQuery.ALL.withTargetEntityType(TargetFilter.equalTo("item"))
          .withTargetEntityId(TargetFilter.equalTo("i2")))).extracting(Event::targetEntityId).containsExactly("i2");
      assertThat(find(scope, EventQuery.ALL.withTargetEntityId(TargetFilter.ABSENT))).hasSize(1);
    }

    @Test
    void findWithLimitAndReversedReturnsNewestFirst() {
      EventScope scope = newApp();
      store.events().insertBatch(scope, List.of(TestEvents.rate("a", "i", 2), TestEvents.rate("b", "i", 0),
          TestEvents.rate("c", "i", 1)));

      assertThat(find(scope, EventQuery.ALL)).extracting(Event::entityId).containsExactly("b", "c", "a");
      assertThat(find(scope, EventQuery.ALL.withReversed(true).withLimit(2))).extracting(Event::entityId)
          .containsExactly("a", "c");
      assertThat(find(scope, EventQuery.ALL.withLimit(0))).isEmpty();
      assertThat(find(scope, EventQuery.ALL.withLimit(-1))).hasSize(3);
    }

    @Test
    void findWhenStreamsAreClosedEarlyGivesConnectionsBack() {
      EventScope scope = newApp();
      store.events().insertBatch(scope, IntStream.range(0, 50).mapToObj(n -> TestEvents.rate("u" + n, "i", n))
          .toList());

      for (int round = 0; round < 3 * settings.maxConnections(); round++) {
        try (Stream<Event> events = store.events().find(scope, EventQuery.ALL)) {
          assertThat(events.findFirst()).isPresent();
        }
      }
      assertThat(store.events().count(scope)).isEqualTo(50);
    }
  }

  /** Batch import: all-or-nothing, events already present, interruption. */
  @Nested
  class Import {

    @Test
    void importWritesEveryEventAndReportsCounts() throws IOException {
      EventScope scope = newApp();
      Path file = TestEvents.file(files, "events.json", null, 250);

      ImportResult result = store.bulk().importEvents(scope, EventFileSource.ofPath(file), p -> { });

      assertThat(result.inserted()).isEqualTo(250);
      assertThat(result.alreadyPresent()).isZero();
      assertThat(store.events().count(scope)).isEqualTo(250);
      try (Stream<Event> events = store.events().find(scope, EventQuery.ALL.withEntity("user", "u7"))) {
        Event event = events.findFirst().orElseThrow();
        assertThat(event.eventId()).matches("[0-9a-f]{32}");
        assertThat(EventTimes.format(event.eventTime())).isEqualTo("2024-03-04T05:06:07.890+08:00");
        assertThat(event.properties()).isEqualTo(EventProperties.of("n", 7L));
        assertThat(event.targetEntityId()).isEqualTo("i7");
      }
    }

    @Test
    void importWhenLastLineIsBadLeavesNoNewRows() throws IOException {
      EventScope scope = newApp();
      store.events().insert(scope, TestEvents.rate("old", "i", 0));
      List<String> lines = new ArrayList<>();
      for (int n = 0; n < 100; n++) {
        lines.add(TestEvents.viewLine(null, n));
      }
      lines.set(10, "{\"event\":\"view\",\"entityType\":\"user\"}");
      lines.add("{not json");
      Path file = TestEvents.lines(files, "bad.json", lines);

      assertThatThrownBy(() -> store.bulk().importEvents(scope, EventFileSource.ofPath(file), p -> { }))
          .isInstanceOfSatisfying(InvalidBatchFileException.class, e -> {
            assertThat(e.problems().count()).isEqualTo(2);
            assertThat(e.problems().kept()).extracting(p -> p.lineNumber()).containsExactly(11L, 101L);
            assertThat(e.problems().kept().get(0).field()).isEqualTo("entityId");
          });
      assertThat(store.events().count(scope)).isEqualTo(1);
    }

    @Test
    void importRefusesAnEventIdWithNulNamingTheLineAndField() throws IOException {
      EventScope scope = newApp();
      Path file = TestEvents.lines(files, "nul-id.json", List.of(TestEvents.viewLine(null, 1),
          "{\"eventId\":\"a\\u0000b\",\"event\":\"view\",\"entityType\":\"user\",\"entityId\":\"u2\"}"));

      assertThatThrownBy(() -> store.bulk().importEvents(scope, EventFileSource.ofPath(file), p -> { }))
          .isInstanceOfSatisfying(InvalidBatchFileException.class, e -> {
            assertThat(e.problems().kept()).singleElement().satisfies(p -> {
              assertThat(p.lineNumber()).isEqualTo(2L);
              assertThat(p.field()).isEqualTo("eventId");
            });
          });
      assertThat(store.events().count(scope)).isZero();
    }

    @Test
    void createAppAndImportCommitsAppKeyEventsAndExtraEventsTogether() throws IOException {
      List<String> lines = new ArrayList<>();
      for (int n = 0; n < 20; n++) {
        lines.add(TestEvents.viewLine(null, n));
      }
      Path file = TestEvents.lines(files, "initial.json", lines);
      Event mark = Event.builder("$set", "checkpoint", "initial").properties(EventProperties.of("done", true)).build();

      CreatedAppImport loaded = store.bulk().createAppAndImport(NewApp.named("together").withAccessKey("togetherKey"),
          EventFileSource.ofPath(file), p -> { }, List.of(mark));

      EventScope scope = EventScope.of(loaded.created().app().id());
      assertThat(loaded.result().inserted()).isEqualTo(20);
      assertThat(store.events().count(scope)).isEqualTo(21);
      assertThat(store.accessKeys().find("togetherKey")).hasValueSatisfying(
          key -> assertThat(key.appId()).isEqualTo(scope.appId()));
    }

    @Test
    void createAppAndImportWhenALineIsBadLeavesNeitherAppNorKey() throws IOException {
      Path file = TestEvents.lines(files, "bad-initial.json",
          List.of(TestEvents.viewLine(null, 1), "{\"event\":\"view\",\"entityType\":\"user\"}"));

      assertThatThrownBy(() -> store.bulk().createAppAndImport(NewApp.named("half").withAccessKey("halfKey"),
          EventFileSource.ofPath(file), p -> { }, List.of()))
          .isInstanceOf(InvalidBatchFileException.class);
      assertThat(store.apps().findByName("half")).isEmpty();
      assertThat(store.accessKeys().find("halfKey")).isEmpty();
    }

    @Test
    void createAppAndImportWhenTheNameIsTakenImportsNothing() throws IOException {
      EventScope existing = newApp();
      String name = store.apps().findById(existing.appId()).orElseThrow().name();
      Path file = TestEvents.lines(files, "dup.json", List.of(TestEvents.viewLine(null, 1)));

      assertThatThrownBy(() -> store.bulk().createAppAndImport(NewApp.named(name), EventFileSource.ofPath(file),
          p -> { }, List.of()))
          .isInstanceOf(AppAlreadyExistsException.class);
      assertThat(store.events().count(existing)).isZero();
    }

    @Test
    void importWhenSameFileTwiceKeepsOneCopy() throws IOException {
      EventScope scope = newApp();
      Path file = TestEvents.file(files, "ids.json", "id", 300);

      ImportResult first = store.bulk().importEvents(scope, EventFileSource.ofPath(file), p -> { });
      ImportResult second = store.bulk().importEvents(scope, EventFileSource.ofPath(file), p -> { });

      assertThat(first.inserted()).isEqualTo(300);
      assertThat(second.inserted()).isZero();
      assertThat(second.alreadyPresent()).isEqualTo(300);
      assertThat(store.events().count(scope)).isEqualTo(300);
    }

    @Test
    void importWhenFileRepeatsAnEventWithItsIdStoresItOnce() throws IOException {
      EventScope scope = newApp();
      Path file = TestEvents.lines(files, "repeat.json", List.of(TestEvents.viewLine("same", 1),
          TestEvents.viewLine("same", 1), TestEvents.viewLine(null, 3)));

      ImportResult result = store.bulk().importEvents(scope, EventFileSource.ofPath(file), p -> { });

      assertThat(result.inserted()).isEqualTo(2);
      assertThat(result.alreadyPresent()).isEqualTo(1);
    }

    @Test
    void importWhenFileGivesOneIdToTwoDifferentEventsReportsTheLaterLineAndImportsNothing() throws IOException {
      EventScope scope = newApp();
      Path file = TestEvents.lines(files, "repeat.json", List.of(TestEvents.viewLine("same", 1),
          TestEvents.viewLine("same", 2), TestEvents.viewLine(null, 3)));

      assertThatThrownBy(() -> store.bulk().importEvents(scope, EventFileSource.ofPath(file), p -> { }))
          .isInstanceOfSatisfying(InvalidBatchFileException.class, e -> {
            assertThat(e.problems().kept()).hasSize(1);
            assertThat(e.problems().kept().get(0).lineNumber()).isEqualTo(2);
            assertThat(e.problems().kept().get(0).field()).isEqualTo("eventId");
          });
      assertThat(store.events().count(scope)).isZero();
    }

    @Test
    void importWhenEventIdIsTooLongReportsTheLine() throws IOException {
      EventScope scope = newApp();
      Path file = TestEvents.lines(files, "long.json", List.of(TestEvents.viewLine("x".repeat(33), 1)));

      assertThatThrownBy(() -> store.bulk().importEvents(scope, EventFileSource.ofPath(file), p -> { }))
          .isInstanceOfSatisfying(InvalidBatchFileException.class,
              e -> assertThat(e.problems().kept().get(0).field()).isEqualTo("eventId"));
    }

    @Test
    void importWhenReadingFailsMidwayLeavesNoNewRows() throws IOException {
      EventScope scope = newApp();
      byte[] content = Files.readAllBytes(TestEvents.file(files, "big.json", null, 5000));
      InputStream failing = new FailingAfter(content, content.length / 2, () -> {
        throw new IOException("disk went away");
      });

      assertThatThrownBy(() -> store.bulk().importEvents(scope, EventFileSource.ofStream(failing), p -> { }))
          .isInstanceOf(RuntimeException.class);
      assertThat(store.events().count(scope)).isZero();
    }

    @Test
    void importWhenConnectionIsInterruptedMidwayLeavesNoNewRows() throws IOException {
      EventScope scope = newApp();
      store.events().insert(scope, TestEvents.rate("old", "i", 0));
      byte[] content = Files.readAllBytes(TestEvents.file(files, "big.json", null, 20_000));
      InputStream interrupting =
          new FailingAfter(content, content.length / 2, EventStoreContract.this::interruptImport);

      assertThatThrownBy(() -> store.bulk().importEvents(scope, EventFileSource.ofStream(interrupting), p -> { }))
          .isInstanceOf(RuntimeException.class);
      assertThat(store.events().count(scope)).isEqualTo(1);
    }

    @Test
    void importWhenListenerAbortsLeavesNoNewRows() throws IOException {
      EventScope scope = newApp();
      Path file = TestEvents.file(files, "many.json", null, ImportListener.INTERVAL_LINES
          + 10);

      assertThatThrownBy(() -> store.bulk().importEvents(scope, EventFileSource.ofPath(file), progress -> {
        assertThat(progress.linesRead()).isEqualTo(ImportListener.INTERVAL_LINES);
        throw new IllegalStateException("user pressed ^C");
      })).isInstanceOf(IllegalStateException.class).hasMessage("user pressed ^C");
      assertThat(store.events().count(scope)).isZero();
    }

    @Test
    void replaceEventsWhenFileHasBadLineKeepsOldEvents() throws IOException {
      EventScope scope = newApp();
      store.events().insertBatch(scope, List.of(TestEvents.rate("old1", "i", 0), TestEvents.rate("old2", "i", 1)));
      Path file = TestEvents.lines(files, "sync.json", List.of(TestEvents.viewLine(null, 1), "{\"event\":\"\"}"));

      assertThatThrownBy(() -> store.bulk().replaceEvents(scope, EventFileSource.ofPath(file), p -> { }))
          .isInstanceOf(InvalidBatchFileException.class);
      assertThat(find(scope, EventQuery.ALL)).extracting(Event::entityId).containsExactly("old1", "old2");
    }

    @Test
    void replaceEventsReplacesEveryOldEvent() throws IOException {
      EventScope scope = newApp();
      store.events().insertBatch(scope, List.of(TestEvents.rate("old1", "i", 0), TestEvents.rate("old2", "i", 1)));
      Path file = TestEvents.file(files, "sync.json", "s", 3);

      ImportResult result = store.bulk().replaceEvents(scope, EventFileSource.ofPath(file), p -> { });

      assertThat(result.inserted()).isEqualTo(3);
      assertThat(find(scope, EventQuery.ALL)).extracting(Event::entityId).containsExactlyInAnyOrder("u0", "u1", "u2");
    }
  }

  /** Export and purge of one channel or all. */
  @Nested
  class ExportAndPurge {

    @Test
    void exportWritesOneApiJsonLinePerEventThatImportsBack() throws IOException {
      EventScope scope = newApp();
      Event event = TestEvents.rate("u1", "i1", 0).withEventId("e1");
      store.events().insertBatch(scope, List.of(event, TestEvents.rate("u2", "i2", 1).withEventId("e2")));
      StringWriter out = new StringWriter();

      long count = store.bulk().exportEvents(scope, out);

      assertThat(count).isEqualTo(2);
      assertThat(out.toString().lines().toList()).hasSize(2).first().isEqualTo("{\"eventId\":\"e1\",\"event\":\"rate\","
          + "\"entityType\":\"user\",\"entityId\":\"u1\",\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\","
          + "\"properties\":{\"rating\":4},\"eventTime\":\"2024-01-02T03:04:05.678Z\","
          + "\"creationTime\":\"2024-01-02T03:04:05.678Z\"}");
      EventScope copy = newApp();
      ImportResult imported = store.bulk().importEvents(copy,
          EventFileSource.ofPath(TestEvents.write(files, "export.json", out.toString())), p -> { });
      assertThat(imported.inserted()).isEqualTo(2);
      assertThat(store.events().get(copy, "e1").orElseThrow().withCreationTime(event.creationTime())).isEqualTo(event);
    }

    @Test
    void purgeDeletesOnlyThatChannel() {
      int app = store.apps().create(NewApp.named("P")).app().id();
      Channel channel = store.channels().create(app, "ch");
      store.events().insert(EventScope.of(app), TestEvents.rate("u", "i", 0));
      store.events().insert(EventScope.of(app, channel.id()), TestEvents.rate("u", "i", 0));

      assertThat(store.bulk().purge(EventScope.of(app, channel.id()))).isEqualTo(1);

      assertThat(store.events().count(EventScope.of(app))).isEqualTo(1);
      assertThat(store.events().count(EventScope.of(app, channel.id()))).isZero();
    }

    @Test
    void purgeAllDeletesEveryChannelOfTheApp() {
      int app = store.apps().create(NewApp.named("P")).app().id();
      int other = store.apps().create(NewApp.named("Other")).app().id();
      Channel channel = store.channels().create(app, "ch");
      store.events().insert(EventScope.of(app), TestEvents.rate("u", "i", 0));
      store.events().insert(EventScope.of(app, channel.id()), TestEvents.rate("u", "i", 0));
      store.events().insert(EventScope.of(other), TestEvents.rate("u", "i", 0));

      assertThat(store.bulk().purgeAll(app)).isEqualTo(2);

      assertThat(store.events().count(EventScope.of(app)) + store.events().count(EventScope.of(app, channel.id())))
          .isZero();
      assertThat(store.events().count(EventScope.of(other))).isEqualTo(1);
    }
  }

  /** Concurrent writers. */
  @Nested
  class Concurrency {

    @Test
    void parallelBatchInsertsFromEightThreadsLoseNothing() throws Exception {
      EventScope scope = newApp();
      int threads = 8;
      int batches = 25;
      int batchSize = 40;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          results.add(pool.submit(() -> {
            List<String> ids = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
              int batch = b;
              ids.addAll(store.events().insertBatch(scope, IntStream.range(0, batchSize)
                  .mapToObj(n -> TestEvents.rate("t" + thread + "b" + batch + "n" + n, "i", n)).toList()));
            }
            return ids;
          }));
        }
        Set<String> ids = new HashSet<>();
        for (Future<List<String>> result : results) {
          ids.addAll(result.get());
        }
        assertThat(ids).hasSize(threads * batches * batchSize);
      } finally {
        pool.shutdownNow();
      }
      assertThat(store.events().count(scope)).isEqualTo((long) threads * batches * batchSize);
    }
  }

  /** Entity properties aggregated as PredictionIO does. */
  @Nested
  class Aggregation {

    @Test
    void entityPropertiesFollowTheWorkedExample() {
      EventScope scope = newApp();
      store.events().insertBatch(scope, List.of(
          TestEvents.special("$set", "u1", 1, EventProperties.of("a", 3L, "b", 4L)),
          TestEvents.special("$set", "u1", 2, EventProperties.of("b", 5L, "c", 6L)),
          TestEvents.special("$unset", "u1", 3, EventProperties.of("b", null)),
          TestEvents.special("$delete", "u1", 4, EventProperties.EMPTY),
          TestEvents.special("$set", "u1", 5, EventProperties.EMPTY),
          TestEvents.special("$set", "u2", 1, EventProperties.of("x", 1L)),
          TestEvents.rate("u3", "i", 1)));

      Optional<PropertyMap> u1 = store.entityProperties().of(scope, "user", "u1", TimeRange.ALL);
      Optional<PropertyMap> early = store.entityProperties().of(scope, "user", "u1",
          TimeRange.until(T0.plusMinutes(3).toInstant()));
      Map<String, PropertyMap> all = store.entityProperties().ofType(scope, "user", TimeRange.ALL, Set.of());

      assertThat(u1).hasValueSatisfying(map -> {
        assertThat(map.fields()).isEqualTo(EventProperties.EMPTY);
        assertThat(map.firstUpdated()).isEqualTo(T0.plusMinutes(1));
        assertThat(map.lastUpdated()).isEqualTo(T0.plusMinutes(5));
      });
      assertThat(early.orElseThrow().fields()).isEqualTo(EventProperties.of("a", 3L, "b", 5L, "c", 6L));
      assertThat(early.orElseThrow().lastUpdated()).isEqualTo(T0.plusMinutes(2));
      assertThat(all.keySet()).containsExactlyInAnyOrder("u1", "u2");
      assertThat(store.entityProperties().ofType(scope, "user", TimeRange.ALL, Set.of("x")).keySet())
          .containsExactly("u2");
    }
  }

  /** PredictionIO's table layout. */
  @Nested
  class Schema {

    @Test
    void creatingTablesAgainIsIdempotentInBothVariants() throws SQLException {
      Dialect dialect = Dialects.forUrl(settings.jdbcUrl(), settings.timestampZone());
      try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
        for (boolean indexed : List.of(false, true)) {
          String table = settings.eventDataPrefix() + (indexed ? "_idx" : "_plain");
          for (int round = 0; round < 2; round++) {
            for (String ddl : dialect.createEventTable(table, indexed)) {
              statement.execute(ddl);
            }
            for (String ddl : dialect.createMetaTables(new TableNames(settings.metadataPrefix(), "x"))) {
              statement.execute(ddl);
            }
          }
        }
      }
      store.close();
      store = JdbcEventStore.open(settings.withIndexEnabled(true));
      assertThat(store.apps().create(NewApp.named("Indexed")).app().id()).isPositive();
    }
  }

  // ---- helpers

  EventScope newApp() {
    return EventScope.of(store.apps().create(NewApp.named("app" + TEST_NUMBER.incrementAndGet())).app().id());
  }

  String table(EventScope scope) {
    return new TableNames(settings.metadataPrefix(), settings.eventDataPrefix()).events(scope);
  }

  List<Event> find(EventScope scope, EventQuery query) {
    try (Stream<Event> events = store.events().find(scope, query)) {
      return events.collect(Collectors.toList());
    }
  }

  EventFileSource source(String name, String content) {
    try {
      return EventFileSource.ofPath(TestEvents.write(files, name, content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> rawStrings(String sql) throws SQLException {
    try (Connection connection = rawConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  void rawExecute(String sql) throws SQLException {
    try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Something to do while a stream is being read. */
  @FunctionalInterface
  interface Interruption {
    void run() throws Exception;
  }

  /** Serves the bytes and, once, runs an interruption after {@code after} bytes. */
  static final class FailingAfter extends FilterInputStream {
    private final int after;
    private final Interruption interruption;
    private int served;
    private boolean fired;

    FailingAfter(byte[] content, int after, Interruption interruption) {
      super(new ByteArrayInputStream(content));
      this.after = after;
      this.interruption = interruption;
    }

    @Override
    public int read() throws IOException {
      fireIfDue();
      int value = super.read();
      served++;
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      fireIfDue();
      int count = super.read(buffer, offset, Math.min(length, 4096));
      served += Math.max(count, 0);
      return count;
    }

    private void fireIfDue() throws IOException {
      if (!fired && served >= after) {
        fired = true;
        try {
          interruption.run();
        } catch (IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IOException(e);
        }
      }
    }
  }
}
