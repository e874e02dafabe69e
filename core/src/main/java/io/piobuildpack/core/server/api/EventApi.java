package io.piobuildpack.core.server.api;

import io.piobuildpack.core.event.Event;
import io.piobuildpack.core.event.json.EventBatchJsonReader;
import io.piobuildpack.core.event.json.EventJsonReader;
import io.piobuildpack.core.event.json.EventJsonWriter;
import io.piobuildpack.core.server.auth.AccessKeyAuthenticator;
import io.piobuildpack.core.server.auth.AccessKeyCache;
import io.piobuildpack.core.server.auth.ChannelCache;
import io.piobuildpack.core.server.http.ApiRequest;
import io.piobuildpack.core.server.http.ApiResponse;
import io.piobuildpack.core.server.http.JsonText;
import io.piobuildpack.core.server.http.Router;
import io.piobuildpack.core.server.stats.EventStats;
import io.piobuildpack.core.server.webhooks.WebhookConnectors;
import io.piobuildpack.core.store.EventIdGenerator;
import io.piobuildpack.core.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * PredictionIO's Event API over an event store, independent of the HTTP server: the routes in docs/event-server.md with
 * their authentication, and every failure turned into a status and {@code {"message": ...}} body.
 */
public final class EventApi implements AutoCloseable {

  static final String ALIVE = "{\"status\":\"alive\"}";
  static final String NO_PLUGINS = "{\"plugins\":{\"inputblockers\":{},\"inputsniffers\":{}}}";
  /** A typical event, read and written once by {@link #warmUp()}. */
  private static final String SAMPLE_EVENT = "{\"event\":\"rate\",\"entityType\":\"user\",\"entityId\":\"u1\","
      + "\"targetEntityType\":\"item\",\"targetEntityId\":\"i1\",\"properties\":{\"rating\":4.5,\"tags\":[\"a\"]},"
      + "\"eventTime\":\"2004-12-13T21:39:45.618-07:00\"}";

  private final Router router;
  private final StorageGuard guard;

  private EventApi(Router router, StorageGuard guard) {
    this.router = router;
    this.guard = guard;
  }

  /**
   * The API over a store.
   *
   * @param stats whether {@code /stats.json} counts (PredictionIO's {@code --stats})
   * @param keyCacheTtl how long access keys and channels are remembered (a revoked key works at most this long)
   * @param storageRetryInterval how often an unavailable store is checked again
   */
  public static EventApi create(EventStore store, boolean stats, Duration keyCacheTtl,
      Duration storageRetryInterval) {
    StorageGuard guard = new StorageGuard(store::ping, storageRetryInterval);
    AccessKeyCache keys = new AccessKeyCache(key -> guard.call(() -> store.accessKeys().find(key)), keyCacheTtl);
    ChannelCache channels = new ChannelCache(
        (appId, name) -> guard.call(() -> store.channels().find(appId, name)), keyCacheTtl);
    AccessKeyAuthenticator authenticator = new AccessKeyAuthenticator(keys, channels);
    RequestAuthentication authentication = new RequestAuthentication(authenticator);
    EventAccess access = new EventAccess(store.events(), guard, authenticator);
    Optional<EventStats> counters = stats ? Optional.of(new EventStats(Clock.systemUTC())) : Optional.empty();
    EventIntake intake = new EventIntake(access, counters);
    EventJsonReader reader = EventJsonReader.standard();
    EventByIdRoutes byId = new EventByIdRoutes(authentication, access);
    WebhookRoutes webhooks = new WebhookRoutes(authentication, WebhookConnectors.standard(), reader, intake);
    Router router = Router.builder()
        .get("/", (request, value) -> ApiResponse.json(200, ALIVE))
        .get("/health.json", (request, value) -> health(guard, store))
        .post("/events.json", new CreateEventRoute(authentication, reader, intake))
        .get("/events.json", new FindEventsRoute(authentication, access))
        .get("/events/{}.json", byId::get)
        .delete("/events/{}.json", byId::delete)
        .post("/batch/events.json",
            new BatchEventsRoute(authentication, new EventBatchJsonReader(reader), intake, access))
        .get("/stats.json", new StatsRoute(authentication, counters))
        .get("/plugins.json", (request, value) -> ApiResponse.json(200, NO_PLUGINS))
        .post("/webhooks/{}.json", webhooks::postJson)
        .get("/webhooks/{}.json", webhooks::getJson)
        .post("/webhooks/{}.form", webhooks::postForm)
        .get("/webhooks/{}.form", webhooks::getForm)
        .build();
    return new EventApi(router, guard);
  }

  /**
   * Initialises what every request uses: the event id generator (the JDK's secure random source, which the store's
   * pool also needs for its first connection) and the JSON codecs (Jackson's object mapper, the event reader and
   * writer, the time parser, the webhook connectors), by making one id and reading and writing one event; touches
   * no store.
   */
  public static void warmUp() {
    EventIdGenerator.next();
    Event event = EventJsonReader.standard().read(SAMPLE_EVENT);
    EventJsonWriter.toJson(event);
    JsonText.object("status", 201, "eventId", "warm-up");
    WebhookConnectors.standard();
  }

  /** The response to a request; never throws for a request's own failures. */
  public ApiResponse handle(ApiRequest request) {
    try {
      return router.dispatch(request);
    } catch (RuntimeException e) {
      return ExceptionResponses.of(e);
    }
  }

  /** False while the store is known to be unavailable. */
  public boolean isStorageAvailable() {
    return guard.isAvailable();
  }

  @Override
  public void close() {
    guard.close();
  }

  /** 200 when the store answers a ping, 503 when it does not. */
  private static ApiResponse health(StorageGuard guard, EventStore store) {
    guard.run(store::ping);
    return ApiResponse.json(200, "{\"status\":\"alive\",\"storage\":\"available\"}");
  }
}
